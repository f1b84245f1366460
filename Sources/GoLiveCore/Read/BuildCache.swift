import Foundation

/// What the last build read and worked out, kept for the next: what reading each population profile
/// produced (the audience, the id it claims, its diagnostics), and the training schedule. A rebuild of a
/// thousand unchanged profiles then only reads and digests their bytes instead of parsing and validating
/// them, a tenth of a second of CPU; a rebuild after feedback alone does not schedule the training again.
///
/// Each entry's key digests everything it depends on, so a changed input is another key, never a stale
/// hit. The cache a load returns holds only the profiles that load read, so deleted files drop out.
public struct BuildCache: Sendable {
    /// Bump when the layout below changes, or when `AudienceReader`, `YAMLFile` or `YAMLObject` change
    /// what a profile reads as (a message's wording included), or the scheduler what it places, within
    /// one `GoLiveVersion`: a cache written before would otherwise replay the old result.
    static let format: UInt64 = 2
    /// In the output folder, beside the manifest; hidden, and never listed as an output.
    static let fileName = ".golive-cache"
    private static let magic = Array("GLPC".utf8)
    /// The file ends with `Digest.contents` of the rest, in hex: a flipped byte must not decode as a
    /// slightly different message or audience.
    private static let checksumLength = 16

    var entries: [String: ProjectLoader.ReadProfile]
    /// How many profiles the load that made this cache took from the cache it was given. Not saved.
    public internal(set) var reused = 0
    /// The training schedule of the last build that had one, with `scheduleKey` of its inputs.
    var schedule: (key: String, plan: TrainingPlan)?

    public init() { entries = [:] }

    init(entries: [String: ProjectLoader.ReadProfile], reused: Int) {
        self.entries = entries
        self.reused = reused
    }

    public var count: Int { entries.count }

    subscript(key: String) -> ProjectLoader.ReadProfile? { entries[key] }

    /// Everything `AudienceReader` reads a profile from: its path (locations and messages name it, its
    /// stem is the default id), its bytes, and the plan's languages and wave ids in the plan's order (the
    /// first language and an only wave are defaults, and messages list both). Wave ids nil (the plan
    /// failed) read differently from none.
    static func key(path: String, contents: Data, languages: [Language], waveIDs: [String]?) -> String {
        var key = Fingerprint("golive-profile", String(format), GoLiveVersion.current, path, Digest.contents(contents))
        key.add(languages.count)
        for language in languages { key.add(language.rawValue) }
        if let waveIDs {
            key.add(waveIDs.count)
            for id in waveIDs { key.add(id) }
        } else {
            key.add("unknown waves")
        }
        return key.value
    }

    /// The scheduler reads the plan's training block and the audiences, never feedback: its result holds
    /// for as long as everything else the project was loaded from (`LoadedProject.renderKey`).
    static func scheduleKey(renderKey: String) -> String {
        Fingerprint("golive-schedule", String(format), renderKey).value
    }

    /// The schedule worked out from the inputs `renderKey` digests, when this cache holds it.
    func schedule(for renderKey: String) -> TrainingPlan? {
        guard let schedule, schedule.key == Self.scheduleKey(renderKey: renderKey) else { return nil }
        return schedule.plan
    }

    /// Entries in key order and names in order of first use, so one cache always writes the same bytes.
    public func encoded() -> Data {
        var names = NameTable()
        var body = CacheWriter()
        let sorted = entries.sorted { $0.key < $1.key }
        body.count(sorted.count)
        for (key, profile) in sorted {
            body.string(key)
            body.profile(profile, &names)
        }
        body.bool(schedule != nil)
        if let (key, plan) = schedule {
            body.string(key)
            body.schedule(plan, &names)
        }
        var out = CacheWriter()
        out.append(Self.magic)
        out.uint(Self.format)
        out.string(GoLiveVersion.current)
        out.count(names.list.count)
        for name in names.list { out.string(name) }
        out.append(body.bytes)
        var data = Data(out.bytes)
        data.append(contentsOf: Array(Digest.contents(data).utf8))
        return data
    }

    /// nil for anything but a whole, intact cache written by this format and GoLive version.
    public init?(data: Data) {
        guard data.count > Self.checksumLength else { return nil }
        let content = data.prefix(data.count - Self.checksumLength)
        guard Array(Digest.contents(content).utf8) == Array(data.suffix(Self.checksumLength)) else { return nil }
        let decoded = content.withUnsafeBytes { raw -> BuildCache? in
            var reader = CacheReader(raw)
            return try? Self.decode(&reader)
        }
        guard let decoded else { return nil }
        self = decoded
    }

    private static func decode(_ r: inout CacheReader) throws(CacheReader.Malformed) -> BuildCache {
        guard Array(try r.bytes(magic.count)) == magic, try r.uint() == format,
              try r.string() == GoLiveVersion.current else { throw CacheReader.Malformed() }
        let names = try r.array(minimumBytes: 1) { reader throws(CacheReader.Malformed) in try reader.string() }
        // An entry is at least its 16-digit key and three empty fields.
        let count = try r.count(minimumBytes: 20)
        var entries: [String: ProjectLoader.ReadProfile] = [:]
        entries.reserveCapacity(count)
        for _ in 0..<count {
            let key = try r.string()
            guard entries.updateValue(try r.profile(names), forKey: key) == nil else { throw CacheReader.Malformed() }
        }
        var cache = BuildCache(entries: entries, reused: 0)
        if try r.bool() { cache.schedule = (try r.string(), try r.schedule(names)) }
        guard r.remaining == 0 else { throw CacheReader.Malformed() }
        return cache
    }
}

/// Each name (a location's file, an audience, a room in the schedule) is written once per cache and
/// referred to by number: every location of a profile names the same file, and thousands of training
/// sessions name a few dozen modules, sites, rooms and trainers.
private struct NameTable {
    private(set) var list: [String] = []
    private var numbers: [String: Int] = [:]

    mutating func number(_ name: String) -> Int {
        if let number = numbers[name] { return number }
        numbers[name] = list.count
        list.append(name)
        return list.count - 1
    }
}

// The codec. Reading builds `Audience` with its memberwise initializer, field by field in the order
// written: a field added to `Audience` stops this from compiling until both sides (and `format`) follow.

extension CacheWriter {
    fileprivate mutating func profile(_ profile: ProjectLoader.ReadProfile, _ names: inout NameTable) {
        bool(profile.audience != nil)
        if let audience = profile.audience { self.audience(audience, &names) }
        bool(profile.id != nil)
        if let (id, location) = profile.id {
            string(id)
            self.location(location, &names)
        }
        count(profile.diagnostics.all.count)
        for diagnostic in profile.diagnostics.all {
            string(diagnostic.severity.rawValue)
            location(diagnostic.location, &names)
            string(diagnostic.message)
        }
    }

    private mutating func audience(_ a: Audience, _ names: inout NameTable) {
        string(a.id)
        string(a.name)
        string(a.language.rawValue)
        int(a.headcount)
        string(a.impact.rawValue)
        string(a.waveID)
        strings(a.sites)
        count(a.modules.count)
        for module in a.modules {
            string(module.value)
            location(module.location, &names)
        }
        strings(a.channels.map(\.rawValue))
        optional(a.mailingList)
        count(a.relays.count)
        for relay in a.relays {
            string(relay.name)
            optional(relay.role)
            optional(relay.email)
        }
        strings(a.changes)
        strings(a.actions)
        strings(a.unchanged)
        count(a.faq.count)
        for entry in a.faq {
            string(entry.question)
            string(entry.answer)
        }
        string(a.file)
        location(a.location, &names)
        location(a.relaysLocation, &names)
        location(a.channelsLocation, &names)
    }

    private mutating func location(_ location: SourceLocation, _ names: inout NameTable) {
        name(location.file, &names)
        count(location.line)
        count(location.column)
    }

    private mutating func strings(_ texts: [String]) {
        count(texts.count)
        for text in texts { string(text) }
    }

    private mutating func optional(_ text: String?) {
        bool(text != nil)
        if let text { string(text) }
    }
}

extension CacheReader {
    fileprivate mutating func profile(_ names: [String]) throws(Malformed) -> ProjectLoader.ReadProfile {
        let audience = try bool() ? try audience(names) : nil
        let id = try bool() ? (key: try string(), value: try location(names)) : nil
        var diagnostics = Diagnostics()
        for _ in 0..<(try count(minimumBytes: 5)) {
            diagnostics.append(Diagnostic(try choice(), try location(names), try string()))
        }
        return ProjectLoader.ReadProfile(audience: audience, id: id, diagnostics: diagnostics)
    }

    private mutating func audience(_ names: [String]) throws(Malformed) -> Audience {
        Audience(id: try string(), name: try string(), language: try choice(), headcount: try int(),
                 impact: try choice(), waveID: try string(), sites: try strings(),
                 modules: try array(minimumBytes: 4) { r throws(Malformed) in
                     Located(try r.string(), at: try r.location(names))
                 },
                 channels: try array(minimumBytes: 1) { r throws(Malformed) in try r.choice() },
                 mailingList: try optional(),
                 relays: try array(minimumBytes: 3) { r throws(Malformed) in
                     Audience.Relay(name: try r.string(), role: try r.optional(), email: try r.optional())
                 },
                 changes: try strings(), actions: try strings(), unchanged: try strings(),
                 faq: try array(minimumBytes: 2) { r throws(Malformed) in
                     Audience.FAQ(question: try r.string(), answer: try r.string())
                 },
                 file: try string(), location: try location(names), relaysLocation: try location(names),
                 channelsLocation: try location(names))
    }

    private mutating func location(_ names: [String]) throws(Malformed) -> SourceLocation {
        SourceLocation(file: try name(names), line: try natural(), column: try natural())
    }

    private mutating func choice<T: RawRepresentable>() throws(Malformed) -> T where T.RawValue == String {
        guard let value = T(rawValue: try string()) else { throw Malformed() }
        return value
    }

    private mutating func strings() throws(Malformed) -> [String] {
        try array(minimumBytes: 1) { r throws(Malformed) in try r.string() }
    }

    private mutating func optional() throws(Malformed) -> String? {
        try bool() ? try string() : nil
    }
}

// The schedule's codec: each session field by field, in the order of `ScheduledSession`'s initializer.
extension CacheWriter {
    fileprivate mutating func schedule(_ plan: TrainingPlan, _ names: inout NameTable) {
        count(plan.sessions.count)
        for s in plan.sessions {
            name(s.audienceID, &names)
            name(s.moduleID, &names)
            name(s.format.rawValue, &names)
            name(s.site, &names)
            bool(s.date != nil)
            if let date = s.date { int(date.dayNumber) }
            bool(s.start != nil)
            if let start = s.start { count(start.minutes) }
            bool(s.end != nil)
            if let end = s.end { count(end.minutes) }
            name(s.roomID, &names)
            name(s.trainerID, &names)
            int(s.seats)
            int(s.number)
            int(s.of)
        }
        count(plan.notes.count)
        for note in plan.notes {
            name(note.audienceID, &names)
            name(note.moduleID, &names)
            string(note.message)
        }
    }

    /// A name (a location's file, a session's room…) by its number in the cache's table.
    private mutating func name(_ text: String, _ names: inout NameTable) {
        count(names.number(text))
    }

    private mutating func name(_ text: String?, _ names: inout NameTable) {
        bool(text != nil)
        if let text { name(text, &names) }
    }
}

extension CacheReader {
    fileprivate mutating func schedule(_ names: [String]) throws(Malformed) -> TrainingPlan {
        // A session is at least eleven bytes: four names, three flags, a room and a trainer flag, three numbers.
        let sessions = try array(minimumBytes: 11) { r throws(Malformed) in
            ScheduledSession(audienceID: try r.name(names), moduleID: try r.name(names), format: try r.named(names),
                             site: try r.name(names),
                             date: try r.bool() ? try r.date() : nil,
                             start: try r.bool() ? try r.time() : nil, end: try r.bool() ? try r.time() : nil,
                             roomID: try r.bool() ? try r.name(names) : nil, trainerID: try r.bool() ? try r.name(names) : nil,
                             seats: try r.int(), number: try r.int(), of: try r.int())
        }
        let notes = try array(minimumBytes: 3) { r throws(Malformed) in
            TrainingNote(audienceID: try r.name(names), moduleID: try r.name(names), message: try r.string())
        }
        return TrainingPlan(sessions: sessions, notes: notes)
    }

    private mutating func name(_ names: [String]) throws(Malformed) -> String {
        let number = try natural()
        guard number < names.count else { throw Malformed() }
        return names[number]
    }

    private mutating func named<T: RawRepresentable>(_ names: [String]) throws(Malformed) -> T where T.RawValue == String {
        guard let value = T(rawValue: try name(names)) else { throw Malformed() }
        return value
    }

    /// Within ten thousand years of 1970: a corrupt day number must not overflow the calendar arithmetic.
    private mutating func date() throws(Malformed) -> CivilDate {
        let day = try int()
        guard abs(day) < 3_652_500 else { throw Malformed() }
        return CivilDate(dayNumber: day)
    }

    private mutating func time() throws(Malformed) -> TimeOfDay {
        guard let time = TimeOfDay(minutes: try natural()) else { throw Malformed() }
        return time
    }
}
