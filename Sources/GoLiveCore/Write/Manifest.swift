import Foundation

/// `out/golive-manifest.json`: what the last build wrote, so the next one can tell what changed,
/// remove what no longer has a source, and keep document versions and calendar sequences stable.
public struct Manifest: Codable, Sendable, Equatable {
    public static let fileName = "golive-manifest.json"

    public var format = 1
    /// Output path → digest of its bytes. Every digest decoded: the build goes through `fileTable`,
    /// which decodes the few it asks for.
    public var files: [String: String] {
        get { fileTable.dictionary }
        set { fileTable = ManifestTable(newValue) }
    }
    /// Input path → digest, so a report can say which inputs changed.
    public var inputs: [String: String] = [:]
    /// `GUIDE/AUDIENCE` (see `GuideVersioning.key`) → the version of that audience's guide and what it holds.
    public var guides: [String: GuideVersionRecord] = [:]
    /// Calendar event UID → the digest of its content and the SEQUENCE/DTSTAMP it was written with.
    /// Optional so manifests written before it existed still load. Every record decoded: the build
    /// goes through `eventTable`, which decodes the few it asks for.
    public var events: [String: EventRecord]? {
        get { eventTable?.dictionary }
        set { eventTable = newValue.map(EventTable.init) }
    }
    /// Render unit → the key it was rendered from and the files it gave, so that the next build keeps,
    /// without rendering them again, the units whose key is unchanged (see `RenderUnit`).
    /// Optional so manifests written before it existed still load.
    public var units: [String: UnitRecord]?
    /// `files`, as read from the last manifest and changed since (see `ManifestTable`).
    var fileTable = ManifestTable<String>()
    /// `events`, as read from the last manifest and changed since (see `ManifestTable`).
    var eventTable: EventTable?

    private enum CodingKeys: String, CodingKey { case format, files, inputs, guides, events, units }

    public init(from decoder: Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        format = try c.decode(Int.self, forKey: .format)
        files = try c.decode([String: String].self, forKey: .files)
        inputs = try c.decode([String: String].self, forKey: .inputs)
        guides = try c.decode([String: GuideVersionRecord].self, forKey: .guides)
        events = try c.decodeIfPresent([String: EventRecord].self, forKey: .events)
        units = try c.decodeIfPresent([String: UnitRecord].self, forKey: .units)
    }

    public func encode(to encoder: Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(format, forKey: .format)
        try c.encode(files, forKey: .files)
        try c.encode(inputs, forKey: .inputs)
        try c.encode(guides, forKey: .guides)
        try c.encodeIfPresent(events, forKey: .events)
        try c.encodeIfPresent(units, forKey: .units)
    }

    public struct GuideVersionRecord: Codable, Sendable, Equatable {
        public var version: String
        /// Digest of the guide's content as this audience reads it (sections, feedback), not of the file.
        public var digest: String
        /// What changed in `version`, shown in the guide's "What's new in …" part.
        public var changes: [GuideChange]
        public var language: String?
        /// Section slug → heading and digest (feedback excluded), to name the sections that changed.
        public var sections: [String: SectionRecord]?
        /// Feedback id → status and digest, to tell added, resolved and updated entries apart.
        public var feedback: [String: FeedbackRecord]?
        /// Feedback id of a resolved issue → the version in which it was first shown as fixed.
        public var fixedIn: [String: String]?

        public init(version: String, digest: String, changes: [GuideChange] = [], language: String? = nil,
                    sections: [String: SectionRecord]? = nil, feedback: [String: FeedbackRecord]? = nil,
                    fixedIn: [String: String]? = nil) {
            self.version = version
            self.digest = digest
            self.changes = changes
            self.language = language
            self.sections = sections
            self.feedback = feedback
            self.fixedIn = fixedIn
        }
    }

    public struct SectionRecord: Codable, Sendable, Equatable {
        public var heading: String
        public var digest: String
    }

    public struct FeedbackRecord: Codable, Sendable, Equatable {
        public var status: String
        public var digest: String
    }

    /// One line of a guide's "What's new": stored as data, worded in the audience's language when rendered.
    public struct GuideChange: Codable, Sendable, Equatable {
        public enum Kind: String, Codable, Sendable {
            case sectionAdded, sectionUpdated, sectionRemoved, introductionUpdated
            case issueAdded, tipAdded, questionAnswered, workaroundAvailable, answerUpdated, issueReopened, feedbackRemoved
        }
        public var kind: Kind
        /// The section heading or the feedback text the line is about.
        public var text: String
        /// The section a feedback entry belongs to, when there is one.
        public var section: String?

        public init(_ kind: Kind, _ text: String, section: String? = nil) {
            self.kind = kind
            self.text = text
            self.section = section
        }
    }

    public struct EventRecord: Codable, Sendable, Equatable {
        public var digest: String
        public var sequence: Int
        /// The DTSTAMP value written for this sequence (`20270301T090000Z`).
        public var stamp: String?
    }

    public struct UnitRecord: Codable, Sendable, Equatable {
        public var key: String
        /// Output path → its size in bytes as written: a file removed or edited since is noticed.
        public var files: [String: Int] {
            get { Dictionary(fileSizes.map { ($0.path, $0.size) }, uniquingKeysWith: { first, _ in first }) }
            set { fileSizes = FileSize.ordered(newValue.map { FileSize(path: $0.key, size: $0.value) }) }
        }
        /// `files` as the manifest writes them: in UTF-8 order of their paths, each path once. Read and
        /// written in that order, and gone through without a dictionary: the units of a thousand
        /// audiences record twenty-four thousand files, and hashing each path on every rebuild cost more
        /// than reading it.
        var fileSizes: [FileSize]
        /// UID → the digests of the copies of that event in its `.ics` files: when the unit is kept,
        /// they count with the copies rendered elsewhere (a session is in the audience's and the trainer's
        /// calendar), and the event's record is carried over.
        public var events: [String: [String]]? {
            get { eventStore.value }
            set { eventStore = UnitEvents(newValue) }
        }
        /// Its warnings, reported again when it is kept.
        public var warnings: [Diagnostic]?
        /// `events`, as read from the last manifest: see `UnitEvents`.
        var eventStore: UnitEvents

        public init(key: String, files: [String: Int], events: [String: [String]]? = nil, warnings: [Diagnostic]? = nil) {
            self.init(key: key, fileSizes: FileSize.ordered(files.map { FileSize(path: $0.key, size: $0.value) }),
                      eventStore: UnitEvents(events), warnings: warnings)
        }

        /// `fileSizes`: in the manifest's order already (see `FileSize.ordered`).
        init(key: String, fileSizes: [FileSize], eventStore: UnitEvents, warnings: [Diagnostic]?) {
            (self.key, self.fileSizes, self.eventStore, self.warnings) = (key, fileSizes, eventStore, warnings)
        }

        /// One file of a unit and its size.
        struct FileSize: Sendable, Equatable {
            let path: String
            let size: Int

            /// `files` in UTF-8 order of their paths, a path given twice kept as first given (as a
            /// dictionary read from JSON keeps it).
            static func ordered(_ files: [FileSize]) -> [FileSize] {
                if zip(files, files.dropFirst()).allSatisfy({ utf8Precedes($0.path, $1.path) }) { return files }
                let sorted = files.indices.sorted { a, b in
                    files[a].path == files[b].path ? a < b : utf8Precedes(files[a].path, files[b].path)
                }
                var result: [FileSize] = []
                result.reserveCapacity(files.count)
                for index in sorted where result.last?.path != files[index].path { result.append(files[index]) }
                return result
            }
        }

        private enum CodingKeys: String, CodingKey { case key, files, events, warnings }

        public init(from decoder: Decoder) throws {
            let c = try decoder.container(keyedBy: CodingKeys.self)
            self.init(key: try c.decode(String.self, forKey: .key), files: try c.decode([String: Int].self, forKey: .files),
                      events: try c.decodeIfPresent([String: [String]].self, forKey: .events),
                      warnings: try c.decodeIfPresent([Diagnostic].self, forKey: .warnings))
        }

        public func encode(to encoder: Encoder) throws {
            var c = encoder.container(keyedBy: CodingKeys.self)
            try c.encode(key, forKey: .key)
            try c.encode(files, forKey: .files)
            try c.encodeIfPresent(events, forKey: .events)
            try c.encodeIfPresent(warnings, forKey: .warnings)
        }

        public static func == (a: UnitRecord, b: UnitRecord) -> Bool {
            a.key == b.key && a.fileSizes == b.fileSizes && a.warnings == b.warnings && a.events == b.events
        }
    }

    public init() {}

    /// Read and written with `ManifestJSON`, not Foundation's coders: at tens of thousands of files
    /// they took most of a rebuild. The bytes are the same as JSONEncoder's (sorted keys, pretty).
    public static func load(from directory: URL) -> Manifest? {
        guard let data = try? Data(contentsOf: directory.appendingPathComponent(fileName)) else { return nil }
        return decodeJSON(data)
    }

    /// `load`, keeping the bytes for `encoded(reusing:)`.
    static func loadKeepingBytes(from directory: URL) -> ManifestBytes? {
        guard let data = try? Data(contentsOf: directory.appendingPathComponent(fileName)) else { return nil }
        return decodeJSONKeepingBytes(data)
    }

    public func encoded() -> Data { encodeJSON() }

    /// The same bytes as `encoded()`, made faster by copying from `old` the records that did not change.
    /// `changes`: where this manifest differs from `old`'s, when the build knows it.
    func encoded(reusing old: ManifestBytes?, changes: ManifestChanges? = nil) -> Data { encodeJSON(reusing: old, changes: changes) }

    /// The same bytes, as runs of new bytes and of `old`'s, to be written as they are (see `ManifestEncoding`).
    func encoding(reusing old: ManifestBytes?, changes: ManifestChanges?) -> ManifestEncoding {
        encodeJSON(reusing: old, changes: changes, referring: true)
    }
}

// MARK: version history

extension Manifest {
    /// The history a build starts from: the output folder's manifest and the one in `--previous DIR`,
    /// merged so that, for each guide and each event, the most advanced record wins (the higher
    /// version, the higher SEQUENCE). Output digests (`files`) come from the output folder only.
    public static func history(output: Manifest?, previous: Manifest?) -> Manifest? {
        guard let previous else { return output }
        var merged = output ?? Manifest()
        for (key, record) in previous.guides {
            if let mine = merged.guides[key], !(GuideVersionNumber.compare(mine.version, record.version) == .orderedAscending) { continue }
            merged.guides[key] = record
        }
        var events = merged.events ?? [:]
        for (uid, record) in previous.events ?? [:] {
            if let mine = events[uid], mine.sequence >= record.sequence { continue }
            events[uid] = record
        }
        merged.events = events.isEmpty ? merged.events : events
        return merged
    }
}

// MARK: calendar events

extension Manifest {
    /// The SEQUENCE an event must carry in this build: 0 for an event never written before, the previous
    /// one when its content digest is unchanged, the previous one + 1 when it changed. Call it on the
    /// history (the manifest of the previous build); `digest` is any stable digest of what the event says,
    /// e.g. `Manifest.eventDigest(of:)` of its VEVENT text.
    public func eventSequence(uid: String, digest: String) -> Int {
        guard let record = eventTable?[uid] else { return 0 }
        return record.digest == digest ? record.sequence : record.sequence + 1
    }

    /// The DTSTAMP to write again for an unchanged event, or nil: a new or changed event takes the build's clock.
    public func eventStamp(uid: String, digest: String) -> String? {
        guard let record = eventTable?[uid], record.digest == digest else { return nil }
        return record.stamp
    }

    /// A digest of a VEVENT's text that ignores the lines that change on every send (DTSTAMP, SEQUENCE),
    /// so an event rendered with placeholders and the same event as written give the same digest.
    /// Folded lines are unfolded first; the BEGIN/END:VEVENT lines may be included or not.
    public static func eventDigest(of vevent: String) -> String {
        var lines = EventLines()
        for line in vevent.split(whereSeparator: { $0 == "\r\n" || $0 == "\n" || $0 == "\r" }) { lines.add(line) }
        return lines.digest
    }

    /// The content lines of one VEVENT, unfolded, without the ones a revision rewrites.
    /// Lines are read as Characters (`add(_: Substring)`), which is what the digests in every manifest
    /// were made from; a line of ASCII bytes reads the same byte by byte (`add(_: ICSLine)`), which
    /// spares building a String for most lines of a calendar.
    struct EventLines {
        /// The kept lines joined by "\n": what the digest is of.
        private var kept: [UInt8] = []
        private var keptLines = 0
        var uid: String?
        var sequence = 0
        var stamp: String?
        private var lastKind = Kind.other
        private enum Kind { case uid, kept, other }

        mutating func add(_ line: Substring) {
            if line.first == " " || line.first == "\t" {
                switch lastKind {
                case .uid: uid? += line.dropFirst(); kept += line.dropFirst().utf8
                case .kept: kept += line.dropFirst().utf8
                case .other: break
                }
                return
            }
            if line == "BEGIN:VEVENT" || line == "END:VEVENT" || line.allSatisfy(\.isWhitespace) { lastKind = .other; return }
            if line.hasPrefix("SEQUENCE") { sequence = Int(line.drop { $0 != ":" }.dropFirst()) ?? 0; lastKind = .other; return }
            if line.hasPrefix("DTSTAMP") { stamp = line.split(separator: ":", maxSplits: 1).last.map(String.init); lastKind = .other; return }
            keep(line.utf8)
            if line.hasPrefix("UID:") { uid = String(line.dropFirst(4)); lastKind = .uid } else { lastKind = .kept }
        }

        /// The same reading on bytes, for the lines where bytes decide as Characters do (`ICSLine`);
        /// the others are read as text.
        mutating func add(_ line: ICSLine) {
            guard line.readsAsBytes else { return add(line.text) }
            let bytes = line.bytes
            if bytes[0] == 0x20 || bytes[0] == 0x09 {
                switch lastKind {
                case .uid: uid? += String(decoding: bytes[1...], as: UTF8.self); kept += bytes[1...]
                case .kept: kept += bytes[1...]
                case .other: break
                }
                return
            }
            if line.is("BEGIN:VEVENT") || line.is("END:VEVENT") || bytes.allSatisfy({ $0 == 0x20 || (0x09...0x0D).contains($0) }) {
                lastKind = .other
                return
            }
            // SEQUENCE and DTSTAMP, one line each per event, keep their Character reading.
            if line.starts("SEQUENCE") || line.starts("DTSTAMP") { return add(line.text) }
            keep(bytes)
            if line.starts("UID:") { uid = String(decoding: bytes[4...], as: UTF8.self); lastKind = .uid } else { lastKind = .kept }
        }

        private mutating func keep<Bytes: Sequence<UInt8>>(_ line: Bytes) {
            if keptLines > 0 { kept.append(0x0A) }
            kept += line
            keptLines += 1
        }

        var digest: String {
            var hash = Digest.FNV1a()
            for byte in kept { hash.add(byte) }
            return hash.digest
        }
    }

    /// One CR LF-terminated line of an `.ics` file, as bytes; as text only when asked.
    struct ICSLine {
        let bytes: UnsafeRawBufferPointer
        /// Whether reading bytes gives what `EventLines.add(_: Substring)` gives. It does for a line of
        /// ASCII bytes: each byte is then a Character (CR LF, the one two-byte Character, never falls
        /// inside a line). It does for a line that starts with a letter, though it holds other bytes
        /// further on: its first Character is no space and no whitespace, none of the keywords read
        /// (`BEGIN:VEVENT`, `SEQUENCE`, `DTSTAMP`, `UID:`…) can equal a text with a byte above 0x7F
        /// (no character outside ASCII is canonically one of theirs), and a keyword it starts with is
        /// followed by an ASCII byte, so no combining mark joins its last letter. And it does for a fold
        /// whose space or tab is followed by an ASCII byte: the space is a Character of its own.
        let readsAsBytes: Bool

        init(_ bytes: UnsafeRawBufferPointer) {
            self.bytes = bytes
            let first = bytes[0]
            if first == 0x20 || first == 0x09 {
                readsAsBytes = bytes.count == 1 || bytes[1] < 0x80
            } else if (0x41...0x5A).contains(first) || (0x61...0x7A).contains(first) {
                readsAsBytes = !Self.keywords.contains { keyword in
                    bytes.count > keyword.count && bytes.starts(with: keyword) && bytes[keyword.count] >= 0x80
                }
            } else {
                readsAsBytes = !bytes.contains { $0 >= 0x80 }
            }
        }

        private static let keywords = ["SEQUENCE", "DTSTAMP", "UID:", "BEGIN:VEVENT", "END:VEVENT"].map { Array($0.utf8) }

        var text: Substring { Substring(String(decoding: bytes, as: UTF8.self)) }

        /// Whether the line is `literal` (ASCII), as a comparison of Characters would say.
        func `is`(_ literal: StaticString) -> Bool {
            readsAsBytes ? bytes.elementsEqual(UnsafeRawBufferPointer(start: literal.utf8Start, count: literal.utf8CodeUnitCount))
                : text == String(describing: literal)
        }

        /// Whether a line that reads as bytes starts with `literal` (ASCII).
        func starts(_ literal: StaticString) -> Bool {
            bytes.starts(with: UnsafeRawBufferPointer(start: literal.utf8Start, count: literal.utf8CodeUnitCount))
        }
    }

    /// Every VEVENT of the rendered `.ics` outputs, by UID, as the next build will find it: the digest
    /// of its content and the SEQUENCE and DTSTAMP it was written with. An event UID written in several
    /// files gets one digest for all its copies, those of `kept` files included (UID → their digests).
    public static func eventRecords(in outputs: [OutputFile], kept: [String: [String]] = [:]) -> [String: EventRecord] {
        let copies = eventCopies(in: outputs)
        var (digests, records) = (copies.digests, copies.records)
        for (uid, list) in kept where records[uid] != nil { digests[uid, default: []] += list }
        for (uid, list) in digests { records[uid]?.digest = combined(list) }
        return records
    }

    /// Every non-empty CR LF-terminated line of `data`.
    private static func forEachLine(of data: Data, _ body: (ICSLine) -> Void) {
        data.withUnsafeBytes { (raw: UnsafeRawBufferPointer) in
            var start = 0
            var index = 0
            func line(_ end: Int) {
                guard end > start else { return }
                body(ICSLine(UnsafeRawBufferPointer(rebasing: raw[start..<end])))
            }
            while index < raw.count {
                if raw[index] == 0x0D, index + 1 < raw.count, raw[index + 1] == 0x0A {
                    line(index)
                    index += 2
                    start = index
                } else {
                    index += 1
                }
            }
            line(raw.count)
        }
    }

    /// One digest for every copy of an event: the copies' own when they agree.
    static func combined(_ copies: [String]) -> String {
        let distinct = Set(copies).sorted()
        return distinct.count == 1 ? distinct[0] : Digest.fnv1a(distinct.joined(separator: ","))
    }

    /// The events of some `.ics` files: UID → the digest of each copy, and its SEQUENCE and DTSTAMP.
    struct EventCopies: Sendable {
        var digests: [String: [String]] = [:]
        /// Their `digest` is left empty: it is settled over every copy of the build.
        var records: [String: EventRecord] = [:]
    }

    static func eventCopies(in outputs: [OutputFile]) -> EventCopies {
        var digests: [String: [String]] = [:]
        var records: [String: EventRecord] = [:]
        for file in outputs where file.isInMemory && file.path.hasSuffix(".ics") {
            var event: EventLines?
            // Lines are cut at CR LF on bytes (CR LF is always a grapheme of its own, so this is where
            // a split on Characters cuts); each line is then read as Characters would read it.
            forEachLine(of: file.data) { line in
                if line.is("BEGIN:VEVENT") { event = EventLines(); return }
                guard let current = event else { return }
                if line.is("END:VEVENT") {
                    if let uid = current.uid {
                        digests[uid, default: []].append(current.digest)
                        let known = records[uid]
                        records[uid] = EventRecord(digest: "", sequence: max(current.sequence, known?.sequence ?? 0),
                                                   stamp: known?.stamp ?? current.stamp)
                    }
                    event = nil
                    return
                }
                event?.add(line)   // in place: copying the event per line would copy its lines too
            }
        }
        return EventCopies(digests: digests, records: records)
    }
}

/// Guide version numbers: `MAJOR.MINOR`, compared numerically (`1.10` is after `1.9`).
public enum GuideVersionNumber {
    /// The next minor version: `1.0` → `1.1`, `1.9` → `1.10`, `2` → `2.1`.
    public static func bumped(_ version: String) -> String {
        let parts = version.split(separator: ".").map(String.init)
        if parts.count >= 2, let major = Int(parts[0]), let minor = Int(parts[1]) { return "\(major).\(minor + 1)" }
        if parts.count == 1, let major = Int(parts[0]) { return "\(major).1" }
        return version + ".1"
    }

    /// Dot-separated numbers compared one by one, a missing one as 0 (`1` = `1.0` < `1.10`); a part
    /// that is not a number counts as 0.
    public static func compare(_ a: String, _ b: String) -> ComparisonResult {
        // Versions are digits and dots: read on bytes, as each of a thousand guides compares two on
        // every build (splitting Characters and parsing Substrings took 6,700 instructions a pair).
        if let x = plainNumbers(a), let y = plainNumbers(b) { return compare(x, y) }
        return compare(a.split(separator: ".").map { Int($0) ?? 0 }, b.split(separator: ".").map { Int($0) ?? 0 })
    }

    /// The numbers of a version made of ASCII digits and dots only, each part short enough not to
    /// overflow (what `Int(_:)` reads the same way); nil for anything else. Empty parts are skipped,
    /// as `split` skips them.
    static func plainNumbers(_ version: String) -> [Int]? {
        var numbers: [Int] = []
        var current = 0, digits = 0
        for byte in version.utf8 {
            if byte == UInt8(ascii: ".") {
                if digits > 0 { numbers.append(current) }
                (current, digits) = (0, 0)
            } else if byte >= UInt8(ascii: "0"), byte <= UInt8(ascii: "9"), digits < 18 {
                current = current * 10 + Int(byte - UInt8(ascii: "0"))
                digits += 1
            } else {
                return nil
            }
        }
        if digits > 0 { numbers.append(current) }
        return numbers
    }

    private static func compare(_ x: [Int], _ y: [Int]) -> ComparisonResult {
        for i in 0..<max(x.count, y.count) {
            let l = i < x.count ? x[i] : 0
            let r = i < y.count ? y[i] : 0
            if l != r { return l < r ? .orderedAscending : .orderedDescending }
        }
        return .orderedSame
    }
}

// MARK: render units

extension Manifest {
    /// The `files` of a build: each output's digest. A rebuild starts from the last build's and
    /// updates what its rendered units wrote, rather than indexing tens of thousands of paths again.
    /// `outputs`: in any order; `rendered`: those of them this build rendered, by path
    /// (`OutputFile.renderedByPath`).
    /// `touched`: the paths whose digest may differ from the last build's, or nil when the files were
    /// listed anew (see `ManifestChanges`).
    static func files(_ outputs: [OutputFile], rendered: [String: OutputFile], units: [UnitOutcome],
                      previous: Manifest?) -> (files: ManifestTable<String>, touched: Set<String>?) {
        if var files = previous?.fileTable {
            var touched = Set<String>()
            for unit in units where !unit.kept {
                for path in unit.paths {
                    if let file = rendered[path] { files[path] = file.digest; touched.insert(path) }
                }
            }
            // Every output is a key now (a kept file was one already); the same count means no other is.
            if files.count == outputs.count { return (files, touched) }
        }
        // A kept file's digest is the last manifest's (a rebuild renders again a unit it gives none).
        let digests = outputs.map { ($0.path, $0.isRendered ? $0.digest : previous?.fileTable[$0.path] ?? "") }
        return (ManifestTable(Dictionary(digests, uniquingKeysWith: { first, _ in first })), nil)
    }

    /// Records this build's units and their calendar events: a kept unit's record and events are the
    /// last build's (its files did not change), a rendered one's are read from its files.
    /// `rendered`: the files this build rendered, by path (`OutputFile.renderedByPath`).
    /// Returns the units and events whose records may differ from the last build's (see `ManifestChanges`).
    @discardableResult
    mutating func record(_ units: [UnitOutcome], rendered byPath: [String: OutputFile], previous: Manifest?) -> (units: Set<String>, events: Set<String>?) {
        let rendered = units.filter { !($0.kept && previous?.units?[$0.name] != nil) }
        // Each rendered unit read its own calendars as it rendered; the build's records are their union.
        let calendars = rendered.map(\.calendar)
        var digests: [String: [String]] = [:]
        var events: [String: EventRecord] = [:]
        for calendar in calendars {
            for (uid, list) in calendar.digests { digests[uid, default: []] += list }
            for (uid, record) in calendar.records {
                let known = events[uid]
                events[uid] = EventRecord(digest: "", sequence: max(record.sequence, known?.sequence ?? 0), stamp: known?.stamp ?? record.stamp)
            }
        }
        for (uid, list) in UnitOutcome.keptEvents(units, among: Set(events.keys)) { digests[uid, default: []] += list }
        for (uid, list) in digests { events[uid]?.digest = Self.combined(list) }

        let fresh = rendered.map { unit in
            // A rebuild renders a few units: their files are looked up, not all files indexed.
            let files = unit.paths.compactMap { byPath[$0] }
            let copies = unit.calendar.digests.mapValues { Set($0).sorted() }
            return (unit.name, UnitRecord(key: unit.key, fileSizes: UnitRecord.FileSize.ordered(files.map { .init(path: $0.path, size: $0.size) }),
                                          eventStore: UnitEvents(copies.isEmpty ? nil : copies),
                                          warnings: unit.warnings.isEmpty ? nil : unit.warnings))
        }
        // A manifest written before units were recorded has events no unit owns: none of them carry over.
        let last = previous?.units ?? [:]
        let lastEvents = previous?.units == nil ? nil : previous?.eventTable
        let touched = recordChanges(fresh, events, units: units, last: last, lastEvents: lastEvents ?? EventTable([:]))
        // Without unit records, the last build's events were all dropped: the table is not the last one's plus changes.
        return (touched.units, previous?.units == nil ? nil : touched.events)
    }

    /// The last build's records and events, with those of the rendered units replaced, rather than
    /// thousands of kept ones copied one by one: each kept unit's record and the last records of its
    /// events, the rendered ones' anew, and nothing of units that no longer exist.
    private mutating func recordChanges(_ fresh: [(String, UnitRecord)], _ rendered: [String: EventRecord], units: [UnitOutcome],
                                        last: [String: UnitRecord], lastEvents: EventTable) -> (units: Set<String>, events: Set<String>) {
        var records = last
        for (name, record) in fresh { records[name] = record }
        // Every unit of this build is a key now; more keys are units that no longer exist.
        let vanished: [String]
        if records.count == units.count {
            vanished = []
        } else {
            let names = Set(units.map(\.name))
            vanished = records.keys.filter { !names.contains($0) }
            for name in vanished { records[name] = nil }
        }
        var events = lastEvents
        for (uid, record) in rendered { events[uid] = record }
        // The events only the rendered units' last version, or vanished units, had: dropped unless a kept unit has them.
        var orphans = Set<String>()
        for name in fresh.map(\.0) + vanished { orphans.formUnion(last[name]?.events?.keys ?? [:].keys) }
        orphans.subtract(rendered.keys)
        if !orphans.isEmpty {
            let wanted = UnitEvents.Wanted(orphans)
            for unit in units where unit.kept { for uid in unit.keptEvents.copies(among: wanted).keys { orphans.remove(uid) } }
            for uid in orphans { events[uid] = nil }
        }
        self.eventTable = events.isEmpty ? nil : events
        self.units = records.isEmpty ? nil : records
        return (Set(fresh.map(\.0) + vanished), Set(rendered.keys).union(orphans))
    }
}

/// The keys of a manifest's tables whose records may differ from the last manifest's (changed, added
/// or removed): every other record is the same, so its bytes are copied from the last manifest in runs,
/// rather than looked up and compared one by one. nil for a table: not known, every record is compared.
struct ManifestChanges: Sendable {
    var files: Set<String>?
    var events: Set<String>?
    var units: Set<String>?
}
