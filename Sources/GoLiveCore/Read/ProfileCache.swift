import Foundation

/// What reading each population profile produced (the audience, the id it claims, its diagnostics),
/// kept between builds: a rebuild of a thousand unchanged profiles then only reads and digests their
/// bytes instead of parsing and validating them, a tenth of a second of CPU.
///
/// An entry's key digests everything the reading depends on, so a changed input is another key, never
/// a stale hit. The cache a load returns holds only the profiles that load read, so deleted files drop out.
public struct ProfileCache: Sendable {
    /// Bump when the layout below changes, or when `AudienceReader`, `YAMLFile` or `YAMLObject` change
    /// what a profile reads as (a message's wording included) within one `GoLiveVersion`: a cache
    /// written before would otherwise replay the old result.
    static let format: UInt64 = 1
    /// In the output folder, beside the manifest; hidden, and never listed as an output.
    static let fileName = ".golive-cache"
    private static let magic = Array("GLPC".utf8)
    /// The file ends with `Digest.contents` of the rest, in hex: a flipped byte must not decode as a
    /// slightly different message or audience.
    private static let checksumLength = 16

    var entries: [String: ProjectLoader.ReadProfile]
    /// How many profiles the load that made this cache took from the cache it was given. Not saved.
    public internal(set) var reused = 0

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

    /// Entries in key order and file names in order of first use, so one cache always writes the same bytes.
    public func encoded() -> Data {
        var files = FileTable()
        var body = CacheWriter()
        let sorted = entries.sorted { $0.key < $1.key }
        body.count(sorted.count)
        for (key, profile) in sorted {
            body.string(key)
            body.profile(profile, &files)
        }
        var out = CacheWriter()
        out.append(Self.magic)
        out.uint(Self.format)
        out.string(GoLiveVersion.current)
        out.count(files.names.count)
        for name in files.names { out.string(name) }
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
        let decoded = content.withUnsafeBytes { raw -> [String: ProjectLoader.ReadProfile]? in
            var reader = CacheReader(raw)
            return try? Self.decode(&reader)
        }
        guard let decoded else { return nil }
        entries = decoded
    }

    private static func decode(_ r: inout CacheReader) throws(CacheReader.Malformed) -> [String: ProjectLoader.ReadProfile] {
        guard Array(try r.bytes(magic.count)) == magic, try r.uint() == format,
              try r.string() == GoLiveVersion.current else { throw CacheReader.Malformed() }
        let files = try r.array(minimumBytes: 1) { reader throws(CacheReader.Malformed) in try reader.string() }
        // An entry is at least its 16-digit key and three empty fields.
        let count = try r.count(minimumBytes: 20)
        var entries: [String: ProjectLoader.ReadProfile] = [:]
        entries.reserveCapacity(count)
        for _ in 0..<count {
            let key = try r.string()
            guard entries.updateValue(try r.profile(files), forKey: key) == nil else { throw CacheReader.Malformed() }
        }
        guard r.remaining == 0 else { throw CacheReader.Malformed() }
        return entries
    }
}

/// Each location's file is written once per cache and referred to by number: every location of a
/// profile names the same file.
private struct FileTable {
    private(set) var names: [String] = []
    private var numbers: [String: Int] = [:]

    mutating func number(_ name: String) -> Int {
        if let number = numbers[name] { return number }
        numbers[name] = names.count
        names.append(name)
        return names.count - 1
    }
}

// The codec. Reading builds `Audience` with its memberwise initializer, field by field in the order
// written: a field added to `Audience` stops this from compiling until both sides (and `format`) follow.

extension CacheWriter {
    fileprivate mutating func profile(_ profile: ProjectLoader.ReadProfile, _ files: inout FileTable) {
        bool(profile.audience != nil)
        if let audience = profile.audience { self.audience(audience, &files) }
        bool(profile.id != nil)
        if let (id, location) = profile.id {
            string(id)
            self.location(location, &files)
        }
        count(profile.diagnostics.all.count)
        for diagnostic in profile.diagnostics.all {
            string(diagnostic.severity.rawValue)
            location(diagnostic.location, &files)
            string(diagnostic.message)
        }
    }

    private mutating func audience(_ a: Audience, _ files: inout FileTable) {
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
            location(module.location, &files)
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
        location(a.location, &files)
        location(a.relaysLocation, &files)
        location(a.channelsLocation, &files)
    }

    private mutating func location(_ location: SourceLocation, _ files: inout FileTable) {
        count(files.number(location.file))
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
    fileprivate mutating func profile(_ files: [String]) throws(Malformed) -> ProjectLoader.ReadProfile {
        let audience = try bool() ? try audience(files) : nil
        let id = try bool() ? (key: try string(), value: try location(files)) : nil
        var diagnostics = Diagnostics()
        for _ in 0..<(try count(minimumBytes: 5)) {
            diagnostics.append(Diagnostic(try choice(), try location(files), try string()))
        }
        return ProjectLoader.ReadProfile(audience: audience, id: id, diagnostics: diagnostics)
    }

    private mutating func audience(_ files: [String]) throws(Malformed) -> Audience {
        Audience(id: try string(), name: try string(), language: try choice(), headcount: try int(),
                 impact: try choice(), waveID: try string(), sites: try strings(),
                 modules: try array(minimumBytes: 4) { r throws(Malformed) in
                     Located(try r.string(), at: try r.location(files))
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
                 file: try string(), location: try location(files), relaysLocation: try location(files),
                 channelsLocation: try location(files))
    }

    private mutating func location(_ files: [String]) throws(Malformed) -> SourceLocation {
        let number = try natural()
        guard number < files.count else { throw Malformed() }
        return SourceLocation(file: files[number], line: try natural(), column: try natural())
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
