import Foundation

// A JSON codec for the manifest alone. At benchmark size the manifest is ~10 MB, and Foundation's
// JSONEncoder/JSONDecoder (through Codable's keyed containers and an intermediate JSON tree) take
// about half a second and ~80 MB for it, more than the rest of a rebuild. This codec goes straight
// from bytes to the Manifest types and back.
//
// Compatibility with the Codable implementation (JSONEncoder with `.prettyPrinted, .sortedKeys,
// .withoutEscapingSlashes`, JSONDecoder with default options), as observed on swift-foundation:
// - `encodeJSON()` is byte-identical to `encoded()`: keys in UTF-8 byte order, which is what
//   `.sortedKeys` does (not String `<`, which compares canonical forms: "e\u{301}x" comes before
//   "é" in bytes, after it as Strings), nil optionals omitted, empty containers as
//   "{\n\n<indent>}", `/` and non-ASCII written as is, control characters as \b \t \n \f \r or
//   \u00xx (lowercase hex).
// - `decodeJSON` accepts what JSONDecoder accepts for a Manifest and rejects what it rejects:
//   required keys must be present (`format`, `files`, `inputs`, `guides`, `changes`, ...), unknown
//   keys are skipped (still validated), an optional key may be absent or null, the first of
//   duplicate keys wins, integers may be written `1.0` or `1e2` if exactly integral, a UTF-8 BOM
//   is skipped, raw control characters in strings, lone surrogates and invalid UTF-8 are errors.
//   Known differences, none of which a manifest GoLive wrote can show: JSONDecoder also takes
//   trailing commas (`[1,]`), numbers that round to an integer as Doubles (`1e-400` as 0), and bad
//   escapes, raw control characters or invalid UTF-8 in strings it does not decode (under unknown
//   keys); this codec follows the JSON grammar and exact arithmetic throughout. Diagnostics are
//   rebuilt through their initialisers, so a `line`/`column` below 1 reads as 1 and line breaks in a
//   `message` become spaces.

extension Manifest {
    /// The manifest in `data`, or nil if it is not a well-formed manifest (never traps).
    static func decodeJSON(_ data: Data) -> Manifest? {
        decodeJSONKeepingBytes(data)?.manifest
    }

    /// The manifest in `data` with where its records are in it, so that the next manifest can copy
    /// the ones that did not change (see `ManifestBytes`). `splitFrom`: where to look for the point
    /// from which a second thread reads (see `Split`), for tests; by default, near the middle of a
    /// big manifest.
    static func decodeJSONKeepingBytes(_ data: Data, splitFrom: Int? = nil) -> ManifestBytes? {
        let split = Split.start(data, from: splitFrom)
        defer { split?.reading.drop() }
        return data.withUnsafeBytes { raw -> ManifestBytes? in
            var reader = JSONReader(raw.assumingMemoryBound(to: UInt8.self), source: data, split: split)
            guard let (manifest, spans) = try? reader.document() else { return nil }
            return ManifestBytes(manifest: manifest, data: data, spans: spans)
        }
    }

    /// A string kept as bytes (`ManifestTable`), decoded: `span` was checked as the manifest was read.
    static func decodeString(_ data: Data, _ span: Range<Int>) -> String? {
        decode(data, span) { r throws(Malformed) in try r.string() }
    }

    /// An event's record kept as bytes (`EventTable`), decoded: `span` was checked as the manifest was read.
    static func decodeEvent(_ data: Data, _ span: Range<Int>) -> EventRecord? {
        decode(data, span) { r throws(Malformed) in try r.event() }
    }

    /// A unit's events kept as bytes (`UnitEvents`), decoded: `span` was checked as the manifest was read.
    static func decodeUnitEvents(_ data: Data, _ span: Range<Int>) -> [String: [String]]? {
        decode(data, span) { r throws(Malformed) in try r.dictionary(.unitEvents) { r throws(Malformed) in try r.array { r throws(Malformed) in try r.string() } } }
    }

    /// The value `read` reads from `span`'s start in `data`, nil when it does not read.
    private static func decode<T>(_ data: Data, _ span: Range<Int>, _ read: (inout JSONReader) throws(Malformed) -> T) -> T? {
        data.withUnsafeBytes { raw in
            var reader = JSONReader(raw.assumingMemoryBound(to: UInt8.self))
            reader.i = span.lowerBound
            return try? read(&reader)
        }
    }

    /// The same bytes as `encoded()`, trailing newline included. `reusing`: the last manifest read,
    /// whose records equal to this one's are copied rather than written again. `changes`: the only
    /// records that may differ from `reusing`'s, when the caller knows them (see `ManifestChanges`).
    func encodeJSON(reusing old: ManifestBytes? = nil, changes: ManifestChanges? = nil) -> Data {
        encodeJSON(reusing: old, changes: changes, referring: false).data()
    }

    /// The same bytes as `encodeJSON(reusing:changes:)`, as runs of new bytes and of the last
    /// manifest's (see `ManifestEncoding`). `referring`: whether long runs of the last manifest's bytes
    /// are referred to rather than copied.
    func encodeJSON(reusing old: ManifestBytes?, changes: ManifestChanges?, referring: Bool) -> ManifestEncoding {
        guard let old else {
            var writer = JSONWriter(capacity: 1 << 16)
            writer.manifest(self)
            writer.out.append(Byte.newline)
            return ManifestEncoding(last: Data(), written: writer.out)
        }
        // The last manifest's size, and some room for growth: the buffer is not moved as it fills. When
        // runs are referred to, it holds only the new bytes.
        let capacity = referring ? max(old.data.count / 16, 1 << 16) : old.data.count + old.data.count / 8
        var head = JSONWriter(capacity: capacity, referring: referring)
        // In two halves on two cores, the second written from where the first stops: the same bytes.
        let manifest = self
        old.data.withUnsafeBytes { raw in
            let last = Unchecked((old.manifest, old.spans, raw))
            let tail = Background { () -> Unchecked<JSONWriter> in
                var writer = JSONWriter.continuing(capacity: capacity / 2, referring: referring)
                writer.old = last.value
                writer.changes = changes
                writer.manifestTail(manifest)
                writer.old = nil
                return Unchecked(writer)
            }
            head.old = last.value
            head.changes = changes
            head.manifestHead(manifest)
            head.old = nil
            head.out.append(tail.value.value.out)
        }
        head.out.append(Byte.newline)
        return ManifestEncoding(last: old.data, written: head.out)
    }
}

/// The bytes of a manifest encoded from the last one's (`Manifest.encodeJSON(reusing:changes:referring:)`):
/// the runs this encoding wrote and, between them, runs of the last manifest's bytes, in order. A rebuild
/// writes them to the file as they are: its ten megabytes are not first copied into as many fresh pages.
/// (The first rebuild in a process, and every `golive build`, took a page fault for each: 5 ms of the
/// first rebuild's 80, alternate runs.)
struct ManifestEncoding: Sendable {
    enum Run: Sendable, Equatable {
        /// Bytes of `written`.
        case written(Range<Int>)
        /// Bytes of `last`.
        case copied(Range<Int>)
    }

    /// The last manifest's bytes, which the copied runs are taken from.
    let last: Data
    let written: Data
    let runs: [Run]
    /// How many bytes in all.
    let count: Int

    fileprivate init(last: Data, written buffer: OutputBuffer) {
        self.last = last
        runs = buffer.finishedRuns()
        written = buffer.data()
        count = runs.reduce(0) { total, run in
            switch run { case .written(let range), .copied(let range): return total + range.count }
        }
    }

    /// `body` given each run's bytes, in order (valid only within it).
    private func withRuns<T>(_ body: ([UnsafeRawBufferPointer]) -> T) -> T {
        written.withUnsafeBytes { written in
            last.withUnsafeBytes { last in
                body(runs.map { run in
                    switch run {
                    case .written(let range): UnsafeRawBufferPointer(rebasing: written[range])
                    case .copied(let range): UnsafeRawBufferPointer(rebasing: last[range])
                    }
                })
            }
        }
    }

    /// The bytes in one piece (for tests, and when they cannot go to a file as they are).
    func data() -> Data {
        if runs == [.written(0..<written.count)] { return written }
        var data = Data(capacity: count)
        withRuns { for bytes in $0 { data.append(contentsOf: bytes) } }
        return data
    }

    /// Whether these are the bytes of `other`, compared run by run.
    func isSame(as other: Data) -> Bool {
        guard other.count == count else { return false }
        return other.withUnsafeBytes { other in
            withRuns { runs in
                var offset = 0
                for bytes in runs where !bytes.isEmpty {
                    if memcmp(bytes.baseAddress!, other.baseAddress! + offset, bytes.count) != 0 { return false }
                    offset += bytes.count
                }
                return true
            }
        }
    }

    /// Writes the bytes to a new file at `path`, the runs as they are, not joined first.
    func write(to path: String) throws(GoLiveError) {
        try withRuns { runs in Result { () throws(GoLiveError) in try FileBytes.write(runs, to: path, startingWriteback: true) } }.get()
    }
}

/// A manifest as read, with its bytes. A rebuild after one feedback entry changes a few of the
/// manifest's thousands of records: the others are copied from these bytes, which this codec wrote
/// at the same place in the same structure, rather than encoded again.
struct ManifestBytes: Sendable {
    let manifest: Manifest
    let data: Data
    let spans: ManifestSpans
}

/// Where the records of a manifest are in its bytes, and its big dictionaries in the order read,
/// for the next encoding: it takes their order rather than sorting the keys again, and copies the
/// values that did not change. So each is set only when its keys came in strictly ascending UTF-8
/// order (it then holds the dictionary's entries, each once, sorted) and the bytes look written by
/// this codec: the table opens as it writes one, and no escape, number, `null` or unknown key in
/// the document is written otherwise (JSON written otherwise is read all the same, and the next
/// manifest is written in full).
struct ManifestSpans: Sendable {
    var files: ManifestEntries<String>?
    var inputs: ManifestEntries<String>?
    var guides: ManifestEntries<Manifest.GuideVersionRecord>?
    var events: ManifestEntries<Manifest.EventRecord>?
    var units: ManifestEntries<Manifest.UnitRecord>?
}

/// A dictionary of the manifest as read: keys and values in file order (in arrays, where the
/// values' strings are also in the order they were made: going through them in that order is much
/// faster than going through a dictionary), where each value is in the bytes, and where the whole
/// dictionary is.
struct ManifestEntries<Value> {
    var keys: [String] = []
    var values: [Value] = []
    var spans: [Range<Int>] = []
    var whole: Range<Int> = 0..<0
}

extension ManifestEntries: Sendable where Value: Sendable {}

private enum Byte {
    static let quote = UInt8(ascii: "\""), backslash = UInt8(ascii: "\\"), slash = UInt8(ascii: "/")
    static let openBrace = UInt8(ascii: "{"), closeBrace = UInt8(ascii: "}")
    static let openBracket = UInt8(ascii: "["), closeBracket = UInt8(ascii: "]")
    static let comma = UInt8(ascii: ","), colon = UInt8(ascii: ":"), space = UInt8(ascii: " ")
    static let newline = UInt8(ascii: "\n"), minus = UInt8(ascii: "-"), plus = UInt8(ascii: "+")
    static let zero = UInt8(ascii: "0"), nine = UInt8(ascii: "9"), dot = UInt8(ascii: ".")
}

/// Whether `a` comes before `b` in byte order (a prefix first), as `.sortedKeys` orders keys.
private func bytesPrecede(_ a: UnsafeBufferPointer<UInt8>, _ b: UnsafeBufferPointer<UInt8>) -> Bool {
    let common = min(a.count, b.count)
    if common > 0, let p = a.baseAddress, let q = b.baseAddress {
        let order = memcmp(p, q, common)
        if order != 0 { return order < 0 }
    }
    return a.count < b.count
}

/// The order of JSONEncoder's `.sortedKeys`: UTF-8 bytes, unnormalised.
func utf8Precedes(_ a: String, _ b: String) -> Bool {
    let fast = a.utf8.withContiguousStorageIfAvailable { x in
        b.utf8.withContiguousStorageIfAvailable { y in bytesPrecede(x, y) }
    }
    if let fast, let fast { return fast }
    return a.utf8.lexicographicallyPrecedes(b.utf8)
}

// MARK: reading

private struct Malformed: Error {}

/// The first value read for a key is kept, as JSONDecoder does with duplicate keys.
private func keepFirst<T>(_ slot: inout T?, _ value: T) {
    if slot == nil { slot = value }
}

/// A key of one of the manifest's types, matched against the field names without making a String
/// of it: there are some two hundred thousand of them in a manifest of a thousand audiences.
private enum FieldName {
    case bytes(UnsafeBufferPointer<UInt8>)
    /// A key written with escapes or non-ASCII characters, decoded.
    case text(String)

    static func ~= (name: StaticString, key: FieldName) -> Bool {
        let expected = UnsafeBufferPointer(start: name.utf8Start, count: name.utf8CodeUnitCount)
        switch key {
        case .bytes(let bytes): return sameBytes(bytes, expected)
        case .text(let text): return text.utf8.elementsEqual(expected)
        }
    }
}

/// Whether two runs of bytes are equal: `memcmp`, where the generic `elementsEqual` took ten times the
/// instructions, for each of the hundreds of thousands of field names and separators a rebuild reads.
private func sameBytes(_ a: UnsafeBufferPointer<UInt8>, _ b: UnsafeBufferPointer<UInt8>) -> Bool {
    guard a.count == b.count else { return false }
    guard let x = a.baseAddress, let y = b.baseAddress else { return a.count == 0 }
    return memcmp(x, y, a.count) == 0
}

/// A dictionary of the manifest's top level as it is read (see `ManifestEntries`).
private struct Table<Value: Sendable>: Sendable {
    var entries = ManifestEntries<Value>()
    /// Built as the entries are read, while their keys are at hand in memory: built once they are
    /// all read, it took a sixth of the decoding.
    var dictionary: [String: Value] = [:]
    /// Whether the keys so far came in strictly ascending order.
    var ascending = true
    /// Whether the table opens as this codec writes one, pretty-printed: the next encoding copies
    /// its records as they are, so it must not take them from differently formatted JSON.
    var laidOut = false
    /// Whether every entry so far is followed by what this codec writes after one (`,`, a line break
    /// and the next key's indent, or the table's closing line): runs of entries are copied with them.
    var separated = true
    /// Where the last key is in the bytes, when it was written without escapes (its bytes are then
    /// its UTF-8): the next key is compared with them rather than as a String.
    var lastKey: Range<Int>?

    /// Its entries, when they can be the next encoding's (see `ManifestSpans`).
    var sorted: ManifestEntries<Value>? { ascending && laidOut && separated ? entries : nil }

    mutating func reserveCapacity(_ count: Int) {
        dictionary.reserveCapacity(count)
        entries.keys.reserveCapacity(count)
        entries.values.reserveCapacity(count)
        entries.spans.reserveCapacity(count)
    }

    mutating func append(_ key: String, at raw: Range<Int>?, _ value: Value, span: Range<Int>, in bytes: UnsafeBufferPointer<UInt8>) {
        if ascending, let previous = entries.keys.last {
            if let raw, let lastKey {
                ascending = bytesPrecede(UnsafeBufferPointer(rebasing: bytes[lastKey]), UnsafeBufferPointer(rebasing: bytes[raw]))
            } else {
                ascending = utf8Precedes(previous, key)
            }
        }
        lastKey = raw
        entries.keys.append(key)
        entries.values.append(value)
        entries.spans.append(span)
        if let first = dictionary.updateValue(value, forKey: key) { dictionary[key] = first }
    }

    /// This part of a table followed by the rest of it, as the other reader read it (see `Split`).
    mutating func append(contentsOf rest: Table) {
        if ascending, let last = entries.keys.last, let first = rest.entries.keys.first { ascending = utf8Precedes(last, first) }
        ascending = ascending && rest.ascending
        separated = separated && rest.separated
        entries.keys += rest.entries.keys
        entries.values += rest.entries.values
        entries.spans += rest.entries.spans
        entries.whole = entries.whole.lowerBound..<rest.entries.whole.upperBound
        dictionary.merge(rest.dictionary) { first, _ in first }
        lastKey = rest.lastKey
    }
}

/// The manifest's members as read so far.
private struct Members: Sendable {
    var format: Int?
    var files: TableRead<String>?
    var inputs: Table<String>?
    var guides: Table<Manifest.GuideVersionRecord>?
    var events: TableRead<Manifest.EventRecord>??
    var units: Table<Manifest.UnitRecord>??

    /// These, completed by the members that come after them in the document.
    mutating func merge(_ later: Members) {
        if let value = later.format { keepFirst(&format, value) }
        if let value = later.files { keepFirst(&files, value) }
        if let value = later.inputs { keepFirst(&inputs, value) }
        if let value = later.guides { keepFirst(&guides, value) }
        if let value = later.events { keepFirst(&events, value) }
        if let value = later.units { keepFirst(&units, value) }
    }

    func manifest() throws(Malformed) -> (Manifest, ManifestSpans) {
        guard let format, let files, let inputs, let guides else { throw Malformed() }
        let events = events ?? nil, units = units ?? nil
        var manifest = Manifest()
        manifest.format = format
        manifest.fileTable = files.table
        manifest.inputs = inputs.dictionary
        manifest.guides = guides.dictionary
        manifest.eventTable = events?.table
        manifest.units = units?.dictionary
        let spans = ManifestSpans(files: files.entries, inputs: inputs.sorted, guides: guides.sorted,
                                  events: events?.entries, units: units?.sorted)
        return (manifest, spans)
    }
}

/// One of the manifest's `files` and `events` as read: the table, and its entries for the next
/// encoding (see `ManifestSpans`).
private struct TableRead<Value: ManifestTableValue>: Sendable {
    var table: ManifestTable<Value>
    /// Without their values when the table was read as bytes (`JSONReader.tableAsRead`).
    var entries: ManifestEntries<Value>?
}

/// How many entries the last dictionary of each kind had: the next one, most often about as big,
/// reserves room for as many at once rather than growing, and hashing its keys again, as it fills.
private struct Sizes {
    enum Kind: Int, CaseIterable { case sections, feedback, fixedIn, unitFiles, unitEvents }
    private var counts = [Int](repeating: 0, count: Kind.allCases.count)

    subscript(kind: Kind) -> Int {
        get { counts[kind.rawValue] }
        set { counts[kind.rawValue] = newValue }
    }
}

private struct JSONReader {
    let bytes: UnsafeBufferPointer<UInt8>
    var i = 0
    var depth = 0
    var sizes = Sizes()
    /// Whether the document is written as this codec writes it, as far as escapes, numbers, `null`
    /// and unknown keys go. The next encoding copies records as they are: from JSON written
    /// otherwise (`\/`, `\u00E9`, `1.0`), that would not give this codec's bytes.
    var canonical = true
    /// The other reader, when there is one.
    let split: Split?
    /// The bytes' own `Data`, which records kept as bytes refer to (`UnitEvents`); nil: decode everything.
    let source: Data?
    /// Values nested deeper than this in unknown keys are refused rather than risk the stack.
    static let maxDepth = 512
    /// The guides' sections read so far, by the digest of the guide they were read in: audiences that
    /// read the same guide content have the same sections, written the same, so one value read is
    /// reused for each copy of its bytes (at a thousand audiences, 30,000 records read as a few hundred).
    var sectionsRead: [String: [(bytes: Range<Int>, value: [String: Manifest.SectionRecord])]] = [:]
    /// The same for the guides' feedback records: audiences that read the same content were shown the
    /// same feedback (at a thousand audiences, sixteen different records of five to six entries each).
    var feedbackRead: [String: [(bytes: Range<Int>, value: [String: Manifest.FeedbackRecord])]] = [:]

    init(_ bytes: UnsafeBufferPointer<UInt8>, source: Data? = nil, split: Split? = nil) {
        self.bytes = bytes
        self.source = source
        self.split = split
    }

    // MARK: the manifest types

    mutating func document() throws(Malformed) -> (Manifest, ManifestSpans) {
        if bytes.count >= 3, bytes[0] == 0xEF, bytes[1] == 0xBB, bytes[2] == 0xBF { i = 3 }
        skipWhitespace()
        try expect(Byte.openBrace)
        skipWhitespace()
        var members = Members()
        if i < bytes.count, bytes[i] == Byte.closeBrace {
            i += 1
            try end()
        } else {
            try manifestMembers(into: &members, afterValue: false)
        }
        let (manifest, spans) = try members.manifest()
        return (manifest, canonical ? spans : ManifestSpans())
    }

    /// Reads the manifest's members up to the end of the document; `afterValue`: from just after a
    /// member's value (where the other reader goes on after its part of a table, see `Split`).
    mutating func manifestMembers(into members: inout Members, afterValue: Bool) throws(Malformed) {
        var afterValue = afterValue
        while true {
            if afterValue {
                skipWhitespace()
                guard i < bytes.count else { throw Malformed() }
                let next = bytes[i]
                i += 1
                if next == Byte.closeBrace { break }
                guard next == Byte.comma else { throw Malformed() }
            }
            skipWhitespace()
            let name = try fieldName()
            try colon()
            if try member(name, into: &members) { return }
            afterValue = true
        }
        try end()
    }

    /// Reads a member's value; true when the other reader read the rest of the document.
    mutating func member(_ name: FieldName, into m: inout Members) throws(Malformed) -> Bool {
        switch name {
        case "format": keepFirst(&m.format, try int())
        case "files":
            keepFirst(&m.files, try readTable(expecting: m.files == nil, { r throws(Malformed) in _ = try r.checkString() }) { r throws(Malformed) in try r.string() })
        case "inputs": keepFirst(&m.inputs, try table(expecting: m.inputs == nil) { r throws(Malformed) in try r.string() }.table)
        case "guides":
            let (table, rest) = try table(splitAs: .guides, \.guides) { r throws(Malformed) in try r.guideVersion() }
            keepFirst(&m.guides, table)
            if let rest { m.merge(rest); return true }
        case "events":
            if try null() { keepFirst(&m.events, nil); break }
            keepFirst(&m.events, try readTable(expecting: m.events == nil, { r throws(Malformed) in try r.checkEvent() }) { r throws(Malformed) in try r.event() })
        case "units":
            if try null() { keepFirst(&m.units, nil); break }
            let (table, rest) = try table(splitAs: .units, \.units) { r throws(Malformed) in try r.unit() }
            keepFirst(&m.units, table)
            if let rest { m.merge(rest); return true }
        default: try skipValue()
        }
        return false
    }

    mutating func guideVersion() throws(Malformed) -> Manifest.GuideVersionRecord {
        var version: String?, digest: String?, changes: [Manifest.GuideChange]?, language: String??
        var sections: [String: Manifest.SectionRecord]??, feedback: [String: Manifest.FeedbackRecord]??
        var fixedIn: [String: String]??
        try record { r, name throws(Malformed) in
            switch name {
            case "sections": keepFirst(&sections, try r.nullable { r throws(Malformed) in try r.sections(ofGuide: digest) })
            case "feedback": keepFirst(&feedback, try r.nullable { r throws(Malformed) in try r.feedback(ofGuide: digest) })
            case "version": keepFirst(&version, try r.string())
            case "digest": keepFirst(&digest, try r.string())
            case "changes": keepFirst(&changes, try r.array { r throws(Malformed) in try r.guideChange() })
            case "language": keepFirst(&language, try r.nullable { r throws(Malformed) in try r.string() })
            case "fixedIn": keepFirst(&fixedIn, try r.nullable { r throws(Malformed) in try r.dictionary(.fixedIn) { r throws(Malformed) in try r.string() } })
            default: try r.skipValue()
            }
        }
        guard let version, let digest, let changes else { throw Malformed() }
        return Manifest.GuideVersionRecord(version: version, digest: digest, changes: changes, language: language ?? nil,
                                           sections: sections ?? nil, feedback: feedback ?? nil, fixedIn: fixedIn ?? nil)
    }

    /// A guide's sections: the value read before for the same bytes, if any (see `sectionsRead`).
    /// `guide`: the digest of the guide's content, when read before its sections (as this codec writes
    /// them), which tells where to look. The bytes are compared whole: an object is self-delimiting, so
    /// the same bytes from here are that object, ending where it ended.
    mutating func sections(ofGuide guide: String?) throws(Malformed) -> [String: Manifest.SectionRecord] {
        try once(in: \.sectionsRead, ofGuide: guide) { r throws(Malformed) in try r.dictionary(.sections) { r throws(Malformed) in try r.section() } }
    }

    /// A guide's feedback records, read once per content digest as its sections are (`sections(ofGuide:)`).
    mutating func feedback(ofGuide guide: String?) throws(Malformed) -> [String: Manifest.FeedbackRecord] {
        try once(in: \.feedbackRead, ofGuide: guide) { r throws(Malformed) in try r.dictionary(.feedback) { r throws(Malformed) in try r.feedback() } }
    }

    /// The value `read` reads here, or the one read before, under the same guide digest, from the same
    /// bytes (`read` is then not called): kept in the reader's table at `cache`.
    private mutating func once<T>(in cache: WritableKeyPath<JSONReader, [String: [(bytes: Range<Int>, value: T)]]>, ofGuide guide: String?,
                                  _ read: (inout JSONReader) throws(Malformed) -> T) throws(Malformed) -> T {
        skipWhitespace()
        let start = i
        if let guide, let earlier = self[keyPath: cache][guide], let base = bytes.baseAddress {
            for (range, value) in earlier where bytes.count - start >= range.count
                && memcmp(base + range.lowerBound, base + start, range.count) == 0 {
                i = start + range.count
                return value
            }
        }
        let value = try read(&self)
        if let guide { self[keyPath: cache][guide, default: []].append((start..<i, value)) }
        return value
    }

    mutating func section() throws(Malformed) -> Manifest.SectionRecord {
        var heading: String?, digest: String?
        try record { r, name throws(Malformed) in
            switch name {
            case "digest": keepFirst(&digest, try r.string())
            case "heading": keepFirst(&heading, try r.string())
            default: try r.skipValue()
            }
        }
        guard let heading, let digest else { throw Malformed() }
        return Manifest.SectionRecord(heading: heading, digest: digest)
    }

    mutating func feedback() throws(Malformed) -> Manifest.FeedbackRecord {
        var status: String?, digest: String?
        try record { r, name throws(Malformed) in
            switch name {
            case "digest": keepFirst(&digest, try r.string())
            case "status": keepFirst(&status, try r.string())
            default: try r.skipValue()
            }
        }
        guard let status, let digest else { throw Malformed() }
        return Manifest.FeedbackRecord(status: status, digest: digest)
    }

    mutating func guideChange() throws(Malformed) -> Manifest.GuideChange {
        var kind: Manifest.GuideChange.Kind?, text: String?, section: String??
        try record { r, name throws(Malformed) in
            switch name {
            case "kind":
                guard let value = Manifest.GuideChange.Kind(rawValue: try r.string()) else { throw Malformed() }
                keepFirst(&kind, value)
            case "text": keepFirst(&text, try r.string())
            case "section": keepFirst(&section, try r.nullable { r throws(Malformed) in try r.string() })
            default: try r.skipValue()
            }
        }
        guard let kind, let text else { throw Malformed() }
        return Manifest.GuideChange(kind, text, section: section ?? nil)
    }

    /// The `files` or `events` table: as bytes when the reader keeps them (`source`) and the keys are
    /// ASCII, in strictly ascending order, as GoLive writes them; decoded otherwise. `check`: reads a
    /// value as `value` does, without making it.
    mutating func readTable<Value: ManifestTableValue>(expecting: Bool, _ check: (inout JSONReader) throws(Malformed) -> Void,
                                                     _ value: (inout JSONReader) throws(Malformed) -> Value) throws(Malformed) -> TableRead<Value> {
        skipWhitespace()
        let start = i
        if let source, let read: TableRead<Value> = try tableAsRead(source, check) { return read }
        i = start
        let table = try table(expecting: expecting, value).table
        return TableRead(table: ManifestTable(table.dictionary), entries: table.sorted)
    }

    /// A table kept as bytes, each value checked by `check`; nil (having read part of it) when a key
    /// is not ASCII or is not after the one before: it is then decoded.
    mutating func tableAsRead<Value: ManifestTableValue>(_ source: Data, _ check: (inout JSONReader) throws(Malformed) -> Void) throws(Malformed) -> TableRead<Value>? {
        var entries = ManifestEntries<Value>()
        entries.whole = i..<i
        let laidOut = opensAsWritten()
        var separated = true
        try expect(Byte.openBrace)
        skipWhitespace()
        if i < bytes.count, bytes[i] == Byte.closeBrace {
            i += 1
        } else {
            var last: Range<Int>?
            while true {
                skipWhitespace()
                let keyStart = i + 1
                let (key, unescaped) = try stringToken()
                let raw = keyStart..<(i - 1)
                guard unescaped, isASCII(raw) else { return nil }
                if let last, !bytesPrecede(UnsafeBufferPointer(rebasing: bytes[last]), UnsafeBufferPointer(rebasing: bytes[raw])) { return nil }
                last = raw
                try colon()
                let valueStart = i
                try check(&self)
                entries.keys.append(key)
                entries.spans.append(valueStart..<i)
                if separated { separated = follows(",\n    \"") || follows("\n  }") }
                skipWhitespace()
                guard i < bytes.count else { throw Malformed() }
                let next = bytes[i]
                i += 1
                if next == Byte.comma { continue }
                if next == Byte.closeBrace { break }
                throw Malformed()
            }
        }
        entries.whole = entries.whole.lowerBound..<i
        let table = ManifestTable<Value>(read: .init(data: source, keys: entries.keys, spans: entries.spans))
        return TableRead(table: table, entries: laidOut && separated ? entries : nil)
    }

    /// Whether the bytes `range` are all ASCII, eight at a time.
    private func isASCII(_ range: Range<Int>) -> Bool {
        guard let base = bytes.baseAddress else { return true }
        var at = range.lowerBound
        var high: UInt64 = 0
        while range.upperBound - at >= 8 {
            high |= UnsafeRawPointer(base + at).loadUnaligned(as: UInt64.self)
            at += 8
        }
        while at < range.upperBound { high |= UInt64(bytes[at]); at += 1 }
        return high & 0x8080_8080_8080_8080 == 0
    }

    /// An event's record checked as `event()` reads it, without making its strings.
    mutating func checkEvent() throws(Malformed) {
        var (digest, sequence) = (false, false)
        try record { r, name throws(Malformed) in
            switch name {
            case "digest": _ = try r.checkString(); digest = true
            case "sequence": _ = try r.int(); sequence = true
            case "stamp": if try !r.null() { _ = try r.checkString() }
            default: try r.skipValue()
            }
        }
        guard digest, sequence else { throw Malformed() }
    }

    mutating func event() throws(Malformed) -> Manifest.EventRecord {
        var digest: String?, sequence: Int?, stamp: String??
        try record { r, name throws(Malformed) in
            switch name {
            case "digest": keepFirst(&digest, try r.string())
            case "sequence": keepFirst(&sequence, try r.int())
            case "stamp": keepFirst(&stamp, try r.nullable { r throws(Malformed) in try r.string() })
            default: try r.skipValue()
            }
        }
        guard let digest, let sequence else { throw Malformed() }
        return Manifest.EventRecord(digest: digest, sequence: sequence, stamp: stamp ?? nil)
    }

    mutating func unit() throws(Malformed) -> Manifest.UnitRecord {
        var key: String?, files: [Manifest.UnitRecord.FileSize]?, events: UnitEvents?, warnings: [Diagnostic]??
        try record { r, name throws(Malformed) in
            switch name {
            case "events": keepFirst(&events, try r.unitEvents())
            case "files": keepFirst(&files, try r.fileSizes())
            case "key": keepFirst(&key, try r.string())
            case "warnings": keepFirst(&warnings, try r.nullable { r throws(Malformed) in try r.array { r throws(Malformed) in try r.diagnostic() } })
            default: try r.skipValue()
            }
        }
        guard let key, let files else { throw Malformed() }
        return Manifest.UnitRecord(key: key, fileSizes: files, eventStore: events ?? UnitEvents(nil), warnings: warnings ?? nil)
    }

    /// A unit's `files` (an object of paths to sizes), in the order `UnitRecord.fileSizes` keeps: the
    /// order they are written in, checked on the way rather than sorted.
    mutating func fileSizes() throws(Malformed) -> [Manifest.UnitRecord.FileSize] {
        var files: [Manifest.UnitRecord.FileSize] = []
        files.reserveCapacity(sizes[.unitFiles])
        var ordered = true
        try object { r throws(Malformed) in
            let path = try r.string()
            try r.colon()
            let size = try r.int()
            if ordered, let last = files.last, !utf8Precedes(last.path, path) { ordered = false }
            files.append(.init(path: path, size: size))
        }
        sizes[.unitFiles] = files.count
        return ordered ? files : Manifest.UnitRecord.FileSize.ordered(files)
    }

    /// A unit's `events` (`null`, or an object of strings to arrays of strings), checked as decoding
    /// them would check them, and kept as their bytes: see `UnitEvents`.
    mutating func unitEvents() throws(Malformed) -> UnitEvents {
        if try null() { return UnitEvents(nil) }
        guard let source else {
            return UnitEvents(try dictionary(.unitEvents) { r throws(Malformed) in try r.array { r throws(Malformed) in try r.string() } })
        }
        skipWhitespace()
        let start = i
        var plain = true
        try object { r throws(Malformed) in
            plain = try r.checkString() && plain
            try r.colon()
            try r.elements { r throws(Malformed) in plain = try r.checkString() && plain }
        }
        return UnitEvents(json: source, start..<i, plainASCII: plain)
    }

    mutating func diagnostic() throws(Malformed) -> Diagnostic {
        var severity: Diagnostic.Severity?, location: SourceLocation?, message: String?
        try record { r, name throws(Malformed) in
            switch name {
            case "severity":
                guard let value = Diagnostic.Severity(rawValue: try r.string()) else { throw Malformed() }
                keepFirst(&severity, value)
            case "location": keepFirst(&location, try r.location())
            case "message": keepFirst(&message, try r.string())
            default: try r.skipValue()
            }
        }
        guard let severity, let location, let message else { throw Malformed() }
        return Diagnostic(severity, location, message)
    }

    mutating func location() throws(Malformed) -> SourceLocation {
        var file: String?, line: Int?, column: Int?
        try record { r, name throws(Malformed) in
            switch name {
            case "file": keepFirst(&file, try r.string())
            case "line": keepFirst(&line, try r.int())
            case "column": keepFirst(&column, try r.int())
            default: try r.skipValue()
            }
        }
        guard let file, let line, let column else { throw Malformed() }
        return SourceLocation(file: file, line: line, column: column)
    }

    // MARK: containers

    /// Reads `{ member, ... }`; `member` reads one `"key" : value`.
    mutating func object(_ member: (inout JSONReader) throws(Malformed) -> Void) throws(Malformed) {
        skipWhitespace()
        try expect(Byte.openBrace)
        skipWhitespace()
        if i < bytes.count, bytes[i] == Byte.closeBrace { i += 1; return }
        while true {
            skipWhitespace()
            try member(&self)
            skipWhitespace()
            guard i < bytes.count else { throw Malformed() }
            let next = bytes[i]
            i += 1
            if next == Byte.comma { continue }
            if next == Byte.closeBrace { return }
            throw Malformed()
        }
    }

    /// An object of one of the manifest's types: `field` reads the value of each key.
    mutating func record(_ field: (inout JSONReader, FieldName) throws(Malformed) -> Void) throws(Malformed) {
        try object { r throws(Malformed) in
            let name = try r.fieldName()
            try r.colon()
            try field(&r, name)
        }
    }

    mutating func array<T>(_ element: (inout JSONReader) throws(Malformed) -> T) throws(Malformed) -> [T] {
        var result: [T] = []
        try elements { r throws(Malformed) in result.append(try element(&r)) }
        return result
    }

    /// Reads `[ element, ... ]`.
    mutating func elements(_ element: (inout JSONReader) throws(Malformed) -> Void) throws(Malformed) {
        skipWhitespace()
        try expect(Byte.openBracket)
        skipWhitespace()
        if i < bytes.count, bytes[i] == Byte.closeBracket { i += 1; return }
        while true {
            skipWhitespace()
            try element(&self)
            skipWhitespace()
            guard i < bytes.count else { throw Malformed() }
            let next = bytes[i]
            i += 1
            if next == Byte.comma { continue }
            if next == Byte.closeBracket { return }
            throw Malformed()
        }
    }

    mutating func dictionary<T>(_ kind: Sizes.Kind, _ value: (inout JSONReader) throws(Malformed) -> T) throws(Malformed) -> [String: T] {
        var result: [String: T] = [:]
        result.reserveCapacity(sizes[kind])
        try object { r throws(Malformed) in
            let key = try r.string()
            try r.colon()
            let element = try value(&r)
            if let first = result.updateValue(element, forKey: key) { result[key] = first }
        }
        sizes[kind] = result.count
        return result
    }

    /// A dictionary of the top level, which the other reader may have read from one of its members on
    /// (`kind`: which one it would be, `part`: where its part is in what it read): its part is then
    /// appended, and `rest` is what it read after. `expecting`: whether to count its members first.
    mutating func table<T>(splitAs kind: Split.Kind? = nil, _ part: (Handover) -> Table<T>? = { _ in nil }, expecting: Bool = false,
                           _ value: (inout JSONReader) throws(Malformed) -> T) throws(Malformed) -> (table: Table<T>, rest: Members?) {
        skipWhitespace()
        var table = Table<T>()
        table.entries.whole = i..<i
        table.laidOut = opensAsWritten()
        if expecting { table.reserveCapacity(expectedMembers(from: i)) }
        try expect(Byte.openBrace)
        skipWhitespace()
        if i < bytes.count, bytes[i] == Byte.closeBrace {
            i += 1
        } else {
            let stop = kind != nil && split?.kind == kind ? split?.point : nil
            if try tableMembers(into: &table, stoppingAt: stop, value), let split {
                guard let handover = split.reading.value(), let rest = part(handover) else { throw Malformed() }
                table.append(contentsOf: rest)
                canonical = canonical && handover.canonical
                return (table, handover.rest)
            }
        }
        table.entries.whole = table.entries.whole.lowerBound..<i
        return (table, nil)
    }

    /// How many members the table from `start` has, when it is laid out as this codec writes it: one
    /// per line indented by four spaces (a record's own lines are indented further), up to the line
    /// that closes the table. Only to reserve room: growing a dictionary hashes its keys again.
    func expectedMembers(from start: Int) -> Int {
        guard let base = bytes.baseAddress, start < bytes.count else { return 0 }
        var count = 0
        var at = start
        while at < bytes.count, let newline = memchr(base + at, Int32(Byte.newline), bytes.count - at) {
            let line = UnsafeRawPointer(base).distance(to: UnsafeRawPointer(newline)) + 1
            if line + 5 <= bytes.count, bytes[line] == Byte.space, bytes[line + 1] == Byte.space {
                if bytes[line + 2] == Byte.closeBrace { break }
                if bytes[line + 2] == Byte.space, bytes[line + 3] == Byte.space, bytes[line + 4] == Byte.quote { count += 1 }
            }
            at = line
        }
        return count
    }

    /// The members of a table, from the first byte of one to the closing brace; stops, and returns
    /// true, where a member starts at `stop`.
    mutating func tableMembers<T>(into table: inout Table<T>, stoppingAt stop: Int?,
                                  _ value: (inout JSONReader) throws(Malformed) -> T) throws(Malformed) -> Bool {
        while true {
            skipWhitespace()
            if i == stop { return true }
            let keyStart = i + 1
            let (key, unescaped) = try stringToken()
            let raw = unescaped ? keyStart..<(i - 1) : nil
            try colon()
            let start = i
            let element = try value(&self)
            table.append(key, at: raw, element, span: start..<i, in: bytes)
            if table.separated { table.separated = follows(",\n    \"") || follows("\n  }") }
            skipWhitespace()
            guard i < bytes.count else { throw Malformed() }
            let next = bytes[i]
            i += 1
            if next == Byte.comma { continue }
            if next == Byte.closeBrace { return false }
            throw Malformed()
        }
    }

    /// nil for `null`, as `decodeIfPresent` reads it.
    mutating func nullable<T>(_ value: (inout JSONReader) throws(Malformed) -> T) throws(Malformed) -> T? {
        if try null() { return nil }
        return try value(&self)
    }

    /// Reads `null` if that is what comes next.
    mutating func null() throws(Malformed) -> Bool {
        skipWhitespace()
        guard i < bytes.count, bytes[i] == UInt8(ascii: "n") else { return false }
        try literal("null")
        canonical = false   // this codec leaves nil optionals out
        return true
    }

    // MARK: scalars

    mutating func string() throws(Malformed) -> String {
        try stringToken().text
    }

    /// Reads a string as `string()` does, without making it; whether it is plain ASCII, with no escape.
    mutating func checkString() throws(Malformed) -> Bool {
        skipWhitespace()
        let quote = i
        try expect(Byte.quote)
        skipPlainASCII()
        while i < bytes.count {
            let byte = bytes[i]
            if byte == Byte.quote { i += 1; return true }
            if byte >= 0x80 || byte == Byte.backslash {
                i = quote
                _ = try stringToken()
                return false
            }
            if byte < 0x20 { throw Malformed() }
            i += 1
        }
        throw Malformed()
    }

    /// A string, and whether it was written without escapes (its bytes in the input are then its UTF-8).
    mutating func stringToken() throws(Malformed) -> (text: String, unescaped: Bool) {
        skipWhitespace()
        try expect(Byte.quote)
        let start = i
        skipPlainASCII()
        var high: UInt8 = 0
        while i < bytes.count {
            let byte = bytes[i]
            if byte == Byte.quote {
                let utf8 = UnsafeBufferPointer(rebasing: bytes[start..<i])
                i += 1
                // Most strings are ASCII, valid as they are: String(validating:) costs more than decoding.
                if high < 0x80 { return (String(decoding: utf8, as: UTF8.self), true) }
                guard let text = String(validating: utf8, as: UTF8.self) else { throw Malformed() }
                return (text, true)
            }
            high |= byte
            if byte == Byte.backslash { return (try escapedString(from: start), false) }
            if byte < 0x20 { throw Malformed() }
            i += 1
        }
        throw Malformed()
    }

    /// Goes over the bytes of a string that need no attention, eight at a time: ASCII, neither a
    /// quote, a backslash nor a control character. Most of a manifest's bytes are in such strings.
    private mutating func skipPlainASCII() {
        guard let base = bytes.baseAddress else { return }
        let ones: UInt64 = 0x0101_0101_0101_0101, highBits: UInt64 = 0x8080_8080_8080_8080
        while bytes.count - i >= 8 {
            let word = UnsafeRawPointer(base + i).loadUnaligned(as: UInt64.self)
            // A byte is zero in `x` where `x - 1` borrows into its high bit, which `x` does not have.
            func hasZeroByte(_ x: UInt64) -> Bool { (x &- ones) & ~x & highBits != 0 }
            let control = (word &- ones &* 0x20) & ~word & highBits != 0
            if word & highBits != 0 || control || hasZeroByte(word ^ (ones &* 0x22)) || hasZeroByte(word ^ (ones &* 0x5C)) { return }
            i += 8
        }
    }

    /// A key of one of the manifest's types.
    mutating func fieldName() throws(Malformed) -> FieldName {
        let quote = i
        try expect(Byte.quote)
        let start = i
        while i < bytes.count {
            let byte = bytes[i]
            if byte == Byte.quote {
                i += 1
                return .bytes(UnsafeBufferPointer(rebasing: bytes[start..<(i - 1)]))
            }
            // Escapes, and non-ASCII to be validated: as any string.
            if byte == Byte.backslash || byte >= 0x80 || byte < 0x20 {
                i = quote
                return .text(try string())
            }
            i += 1
        }
        throw Malformed()
    }

    private mutating func colon() throws(Malformed) {
        skipWhitespace()
        try expect(Byte.colon)
        skipWhitespace()
    }

    /// Whether the table at `i` opens as this codec writes one: pretty-printed, its first key on a
    /// line of its own indented by four spaces and followed by ` : `.
    private func opensAsWritten() -> Bool {
        if follows("{\n\n  }") { return true }
        guard follows("{\n    \"") else { return false }
        var end = i + 7
        while end < bytes.count, bytes[end] != Byte.quote, bytes[end] != Byte.backslash { end += 1 }
        return bytes.count - end >= 4 && bytes[end] == Byte.quote && bytes[end + 1] == Byte.space
            && bytes[end + 2] == Byte.colon && bytes[end + 3] == Byte.space
    }

    /// Whether the next bytes are `text`'s.
    private func follows(_ text: StaticString) -> Bool {
        let count = text.utf8CodeUnitCount
        return bytes.count - i >= count && sameBytes(UnsafeBufferPointer(rebasing: bytes[i..<(i + count)]), UnsafeBufferPointer(start: text.utf8Start, count: count))
    }

    /// Checks that nothing but whitespace follows.
    private mutating func end() throws(Malformed) {
        skipWhitespace()
        guard i == bytes.count else { throw Malformed() }
    }

    /// The slow path of `string()`, from its first byte, once a backslash has been seen.
    private mutating func escapedString(from start: Int) throws(Malformed) -> String {
        var utf8 = Array(bytes[start..<i])
        while i < bytes.count {
            let byte = bytes[i]
            i += 1
            if byte == Byte.quote {
                guard let text = String(validating: utf8, as: UTF8.self) else { throw Malformed() }
                return text
            }
            if byte < 0x20 { throw Malformed() }
            guard byte == Byte.backslash else { utf8.append(byte); continue }
            guard i < bytes.count else { throw Malformed() }
            let escape = bytes[i]
            i += 1
            switch escape {
            case Byte.quote, Byte.backslash: utf8.append(escape)
            case Byte.slash:
                utf8.append(escape)
                canonical = false
            case UInt8(ascii: "b"): utf8.append(0x08)
            case UInt8(ascii: "f"): utf8.append(0x0C)
            case UInt8(ascii: "n"): utf8.append(0x0A)
            case UInt8(ascii: "r"): utf8.append(0x0D)
            case UInt8(ascii: "t"): utf8.append(0x09)
            case UInt8(ascii: "u"):
                let digits = i
                var code = UInt32(try hex4())
                // This codec writes `\u00xx`, in lowercase, for control characters without a short escape.
                let upperCase = bytes[digits..<i].contains { (UInt8(ascii: "A")...UInt8(ascii: "F")).contains($0) }
                if upperCase || code >= 0x20 || [0x08, 0x09, 0x0A, 0x0C, 0x0D].contains(code) { canonical = false }
                if (0xD800...0xDBFF).contains(code) {
                    // A high surrogate is only valid followed by an escaped low one.
                    guard i + 1 < bytes.count, bytes[i] == Byte.backslash, bytes[i + 1] == UInt8(ascii: "u") else { throw Malformed() }
                    i += 2
                    let low = UInt32(try hex4())
                    guard (0xDC00...0xDFFF).contains(low) else { throw Malformed() }
                    code = 0x10000 + ((code - 0xD800) << 10) + (low - 0xDC00)
                }
                guard let scalar = Unicode.Scalar(code) else { throw Malformed() }   // a lone low surrogate
                utf8.append(contentsOf: UTF8.encode(scalar)!)
            default: throw Malformed()
            }
        }
        throw Malformed()
    }

    private mutating func hex4() throws(Malformed) -> UInt16 {
        guard i + 4 <= bytes.count else { throw Malformed() }
        var value: UInt16 = 0
        for _ in 0..<4 {
            let byte = bytes[i]
            let digit: UInt8
            switch byte {
            case Byte.zero...Byte.nine: digit = byte - Byte.zero
            case UInt8(ascii: "a")...UInt8(ascii: "f"): digit = byte - UInt8(ascii: "a") + 10
            case UInt8(ascii: "A")...UInt8(ascii: "F"): digit = byte - UInt8(ascii: "A") + 10
            default: throw Malformed()
            }
            value = value << 4 | UInt16(digit)
            i += 1
        }
        return value
    }

    /// A JSON number that is an exact Int: `12`, `-3`, and, as JSONDecoder allows, `1.0`, `1e2`, `250e-1`.
    mutating func int() throws(Malformed) -> Int {
        skipWhitespace()
        if let plain = plainInt() { return plain }
        let start = i
        let number = try scanNumber()
        // Accumulated negatively so that Int.min fits.
        var value = 0
        var overflow = false
        func push(_ digit: Int) {
            let (times10, o1) = value.multipliedReportingOverflow(by: 10)
            let (next, o2) = times10.subtractingReportingOverflow(digit)
            value = next
            overflow = overflow || o1 || o2
        }
        if number.fraction.isEmpty && number.exponent == 0 {
            for byte in bytes[number.integer] { push(Int(byte - Byte.zero)) }
        } else {
            var digits = Array(bytes[number.integer]) + bytes[number.fraction]
            var scale = number.exponent - number.fraction.count
            if let firstNonZero = digits.firstIndex(where: { $0 != Byte.zero }) {
                digits.removeFirst(firstNonZero)
            } else {
                digits = []   // zero, whatever the exponent
            }
            if !digits.isEmpty && scale < 0 {
                guard -scale < digits.count, digits.suffix(-scale).allSatisfy({ $0 == Byte.zero }) else { throw Malformed() }
                digits.removeLast(-scale)
                scale = 0
            }
            for byte in digits { push(Int(byte - Byte.zero)) }
            if !digits.isEmpty {
                while scale > 0 && !overflow { push(0); scale -= 1 }
            }
        }
        if !number.negative {
            let (positive, o) = (0).subtractingReportingOverflow(value)
            value = positive
            overflow = overflow || o
        }
        guard !overflow else { throw Malformed() }
        // This codec writes an integer's digits alone, and 0 without a sign.
        if i - start != number.integer.count + (number.negative ? 1 : 0) || (number.negative && value == 0) { canonical = false }
        return value
    }

    /// A number written as this codec writes an integer (a size, a SEQUENCE): up to 18 digits, no sign,
    /// no leading zero, no point nor exponent after them. nil, having read nothing, for any other:
    /// `int()` reads it in full. Some 40,000 a manifest.
    private mutating func plainInt() -> Int? {
        var at = i
        guard at < bytes.count, isDigit(bytes[at]) else { return nil }
        var value = 0
        while at < bytes.count, isDigit(bytes[at]) {
            guard at - i < 18, value != 0 || at == i else { return nil }   // too long, or a leading zero
            value = value * 10 + Int(bytes[at] - Byte.zero)
            at += 1
        }
        if at < bytes.count, bytes[at] == Byte.dot || bytes[at] | 0x20 == UInt8(ascii: "e") { return nil }
        i = at
        return value
    }

    /// Checks the JSON number grammar and gives the digits before and after the point and the exponent
    /// (saturated: a number with a huge exponent is valid JSON, just not an Int).
    private mutating func scanNumber() throws(Malformed) -> (negative: Bool, integer: Range<Int>, fraction: Range<Int>, exponent: Int) {
        let negative = i < bytes.count && bytes[i] == Byte.minus
        if negative { i += 1 }
        let integerStart = i
        guard i < bytes.count, isDigit(bytes[i]) else { throw Malformed() }
        if bytes[i] == Byte.zero { i += 1 } else { skipDigits() }
        let integer = integerStart..<i
        var fraction = i..<i
        if i < bytes.count, bytes[i] == Byte.dot {
            i += 1
            let start = i
            skipDigits()
            guard i > start else { throw Malformed() }
            fraction = start..<i
        }
        var exponent = 0
        if i < bytes.count, bytes[i] | 0x20 == UInt8(ascii: "e") {
            i += 1
            var sign = 1
            if i < bytes.count, bytes[i] == Byte.plus || bytes[i] == Byte.minus {
                if bytes[i] == Byte.minus { sign = -1 }
                i += 1
            }
            let start = i
            while i < bytes.count, isDigit(bytes[i]) {
                exponent = min(exponent * 10 + Int(bytes[i] - Byte.zero), 1_000_000)
                i += 1
            }
            guard i > start else { throw Malformed() }
            exponent *= sign
        }
        return (negative, integer, fraction, exponent)
    }

    private func isDigit(_ byte: UInt8) -> Bool { byte >= Byte.zero && byte <= Byte.nine }

    private mutating func skipDigits() {
        while i < bytes.count, isDigit(bytes[i]) { i += 1 }
    }

    /// Reads and checks any value, for keys this version does not know.
    mutating func skipValue() throws(Malformed) {
        canonical = false   // this codec writes no key it does not know
        skipWhitespace()
        guard i < bytes.count else { throw Malformed() }
        depth += 1
        defer { depth -= 1 }
        guard depth <= Self.maxDepth else { throw Malformed() }
        switch bytes[i] {
        case Byte.quote: _ = try string()
        case Byte.openBrace: try record { r, _ throws(Malformed) in try r.skipValue() }
        case Byte.openBracket: _ = try array { r throws(Malformed) in try r.skipValue() }
        case UInt8(ascii: "t"): try literal("true")
        case UInt8(ascii: "f"): try literal("false")
        case UInt8(ascii: "n"): try literal("null")
        default: _ = try scanNumber()
        }
    }

    private mutating func literal(_ word: StaticString) throws(Malformed) {
        let count = word.utf8CodeUnitCount
        guard bytes.count - i >= count else { throw Malformed() }
        for k in 0..<count where bytes[i + k] != word.utf8Start[k] { throw Malformed() }
        i += count
    }

    private mutating func expect(_ byte: UInt8) throws(Malformed) {
        guard i < bytes.count, bytes[i] == byte else { throw Malformed() }
        i += 1
    }

    mutating func skipWhitespace() {
        while i < bytes.count {
            switch bytes[i] {
            case 0x20, 0x0A, 0x0D, 0x09: i += 1
            default: return
            }
        }
    }
}


// MARK: reading on two threads

/// A big manifest is read by two threads: this one from the start, another from a member of the
/// `guides` or `units` table near the middle to the end. Where to start is guessed from the layout
/// this codec writes, and only trusted if the first reader, going through the table, comes to a
/// member that starts exactly there: reading is deterministic, so the other reader then read the
/// rest as this one would have (a document that is not laid out that way is read by one thread).
/// Its part of the table is appended to the first reader's and the members it read after the table
/// complete the first reader's: the first of duplicate keys still wins. The tables split are those
/// of records, whose own dictionaries are built by the thread that reads them: only the table's
/// dictionary itself, of a few thousand entries, is built once both parts are read.
private struct Split {
    enum Kind: Sendable { case guides, units }

    let point: Int
    let kind: Kind
    let reading: OffloadedWork<Handover?>

    /// Below this size, a second thread does not pay for itself.
    static let minimumSize = 1 << 20

    /// Starts the other reader, if `data` is big enough and laid out as expected. `from`: where to
    /// look for its starting point.
    static func start(_ data: Data, from: Int?) -> Split? {
        // The second half of the bytes takes a little longer to read than the first (records, where
        // the first half also has flat dictionaries of strings), and the other thread starts later.
        guard let from = from ?? (data.count >= minimumSize ? data.count * 9 / 20 : nil) else { return nil }
        let found = data.withUnsafeBytes { raw in point(in: raw.assumingMemoryBound(to: UInt8.self), from: from) }
        guard let (point, kind) = found else { return nil }
        let reading = OffloadedWork<Handover?> {
            data.withUnsafeBytes { raw in
                var reader = JSONReader(raw.assumingMemoryBound(to: UInt8.self), source: data)
                return reader.handover(from: point, kind: kind)
            }
        }
        DispatchQueue.global().async { reading.run() }
        return Split(point: point, kind: kind, reading: reading)
    }

    /// The first member of a guide or a unit after `from`: a line indented by four spaces (the
    /// members of the top-level dictionaries) whose value opens a record on the next line with the
    /// first field of a guide (`changes`) or of a unit (`events`, or `files` without events).
    static func point(in bytes: UnsafeBufferPointer<UInt8>, from: Int) -> (Int, Kind)? {
        let memberIndent = Array("\n    \"".utf8)
        let fields: [(prefix: [UInt8], kind: Kind)] = [
            (Array(" : {\n      \"changes\"".utf8), .guides),
            (Array(" : {\n      \"events\"".utf8), .units),
            (Array(" : {\n      \"files\"".utf8), .units),
        ]
        func matches(_ pattern: [UInt8], at index: Int) -> Bool {
            index + pattern.count <= bytes.count && bytes[index..<(index + pattern.count)].elementsEqual(pattern)
        }
        var index = max(from, 0)
        let limit = min(bytes.count, index + bytes.count / 4)
        while index < limit {
            guard bytes[index] == Byte.newline, matches(memberIndent, at: index) else { index += 1; continue }
            let start = index + memberIndent.count - 1
            // The key's closing quote: keys this codec writes in these tables have no escapes.
            var end = start + 1
            while end < limit, bytes[end] != Byte.quote, bytes[end] != Byte.backslash, bytes[end] != Byte.newline { end += 1 }
            if end < limit, bytes[end] == Byte.quote, let field = fields.first(where: { matches($0.prefix, at: end + 1) }) {
                return (start, field.kind)
            }
            index = end
        }
        return nil
    }
}

extension Manifest {
    /// Where a second thread would start reading `data` (see `Split`) when looking from `from`, for tests.
    static func jsonSplitPoint(in data: Data, from: Int) -> Int? {
        data.withUnsafeBytes { raw in Split.point(in: raw.assumingMemoryBound(to: UInt8.self), from: from)?.0 }
    }
}

/// What the other reader read: its part of the table, and the members after it.
private struct Handover: Sendable {
    var guides: Table<Manifest.GuideVersionRecord>?
    var units: Table<Manifest.UnitRecord>?
    var rest = Members()
    var canonical = true
}

extension JSONReader {
    /// The other reader's part: from `point`, a member of the `kind` table, to the end of the document.
    mutating func handover(from point: Int, kind: Split.Kind) -> Handover? {
        i = point
        var handover = Handover()
        do throws(Malformed) {
            switch kind {
            case .guides:
                var part = Table<Manifest.GuideVersionRecord>()
                part.entries.whole = point..<point
                _ = try tableMembers(into: &part, stoppingAt: nil) { r throws(Malformed) in try r.guideVersion() }
                part.entries.whole = point..<i
                handover.guides = part
            case .units:
                var part = Table<Manifest.UnitRecord>()
                part.entries.whole = point..<point
                _ = try tableMembers(into: &part, stoppingAt: nil) { r throws(Malformed) in try r.unit() }
                part.entries.whole = point..<i
                handover.units = part
            }
            try manifestMembers(into: &handover.rest, afterValue: true)
        } catch {
            return nil
        }
        handover.canonical = canonical
        return handover
    }
}

/// Work that another thread is asked to do, and that whichever thread needs it first does: the
/// first reader never waits for a thread that has not started (there may be none free for it).
/// `value()` is called at most once, and not after `drop()`.
private final class OffloadedWork<Value: Sendable>: @unchecked Sendable {
    private let lock = NSLock()
    private let done = DispatchSemaphore(value: 0)
    // Read and written under `lock`.
    private var work: (@Sendable () -> Value)?
    private var result: Value?

    init(_ work: @escaping @Sendable () -> Value) { self.work = work }

    private func take() -> (@Sendable () -> Value)? {
        lock.lock()
        defer { lock.unlock() }
        let taken = work
        work = nil
        return taken
    }

    /// On the other thread: does the work, unless it was done or dropped already.
    func run() {
        guard let work = take() else { return }
        let value = work()
        lock.lock()
        result = value
        lock.unlock()
        done.signal()
    }

    /// Does the work here if no thread has started it, else waits for it.
    func value() -> Value {
        if let work = take() { return work() }
        done.wait()
        lock.lock()
        defer { lock.unlock() }
        guard let result else { fatalError("OffloadedWork: no value after the signal") }
        return result
    }

    /// The work will not be needed: a thread that has not started it will not.
    func drop() { _ = take() }
}

// MARK: writing

/// The indices of `dict`'s entries (those that pass `isIncluded`) in UTF-8 key order. Keys are
/// first compared on their first eight bytes as an integer, which settles most comparisons without
/// comparing Strings, and the entries are not moved.
private func sortedIndices<Value>(_ dict: [String: Value],
                                  where isIncluded: (Dictionary<String, Value>.Index) -> Bool = { _ in true }) -> [Dictionary<String, Value>.Index] {
    var order: [(prefix: UInt64, index: Dictionary<String, Value>.Index)] = []
    order.reserveCapacity(dict.count)
    for index in dict.indices where isIncluded(index) { order.append((utf8Word(dict[index].key.utf8), index)) }
    order.sort { a, b in a.prefix != b.prefix ? a.prefix < b.prefix : utf8Precedes(dict[a.index].key, dict[b.index].key) }
    return order.map(\.index)
}

/// Where the writer writes: memory that `Data` takes over at the end rather than copying. A manifest
/// is ten megabytes: copying it (into as many fresh pages) was a third of its encoding in a build.
private final class OutputBuffer {
    private var start: UnsafeMutableRawPointer
    private var count = 0
    private var capacity: Int
    private var taken = false
    /// Whether long runs of the last manifest's bytes are referred to (`refer`) rather than copied.
    let referring: Bool
    /// The runs so far: the last one, of bytes written here, starts at `runStart`.
    private var runs: [ManifestEncoding.Run] = []
    private var runStart = 0

    init(capacity: Int, referring: Bool = false) {
        self.capacity = max(capacity, 1 << 12)
        self.referring = referring
        guard let memory = malloc(self.capacity) else { fatalError("out of memory") }
        start = memory
    }

    /// The last manifest's bytes `span` come next, referred to rather than copied.
    func refer(_ span: Range<Int>) {
        closeRun()
        addCopied(span)
    }

    /// A copied run after the last run, joined to it when it goes on from where it stops.
    private func addCopied(_ span: Range<Int>) {
        if case .copied(let last)? = runs.last, last.upperBound == span.lowerBound {
            runs[runs.count - 1] = .copied(last.lowerBound..<span.upperBound)
        } else {
            runs.append(.copied(span))
        }
    }

    private func closeRun() {
        if count > runStart { runs.append(.written(runStart..<count)) }
        runStart = count
    }

    /// Every run, in order: call it once, before `data()`.
    func finishedRuns() -> [ManifestEncoding.Run] {
        closeRun()
        return runs
    }

    deinit {
        if !taken { free(start) }
    }

    func append(_ byte: UInt8) {
        if count == capacity { grow(to: count + 1) }
        start.storeBytes(of: byte, toByteOffset: count, as: UInt8.self)
        count += 1
    }

    func append(contentsOf bytes: UnsafeRawBufferPointer) {
        guard let source = bytes.baseAddress, !bytes.isEmpty else { return }
        if count + bytes.count > capacity { grow(to: count + bytes.count) }
        (start + count).copyMemory(from: source, byteCount: bytes.count)
        count += bytes.count
    }

    func append(contentsOf bytes: UnsafeBufferPointer<UInt8>) {
        append(contentsOf: UnsafeRawBufferPointer(bytes))
    }

    /// `other`'s bytes, and its runs, after these.
    func append(_ other: OutputBuffer) {
        guard referring else { return append(contentsOf: UnsafeRawBufferPointer(start: other.start, count: other.count)) }
        closeRun()
        let base = count
        append(contentsOf: UnsafeRawBufferPointer(start: other.start, count: other.count))
        runStart = count   // the bytes just copied are in `other`'s runs, taken below
        for run in other.finishedRuns() {
            switch run {
            case .written(let range): runs.append(.written((range.lowerBound + base)..<(range.upperBound + base)))
            case .copied(let range): addCopied(range)
            }
        }
    }

    private func grow(to needed: Int) {
        let newCapacity = max(needed, capacity * 2)
        guard let memory = realloc(start, newCapacity) else { fatalError("out of memory") }
        (start, capacity) = (memory, newCapacity)
    }

    /// The bytes, which the buffer no longer owns: call it once, last.
    func data() -> Data {
        taken = true
        return Data(bytesNoCopy: start, count: count, deallocator: .free)
    }
}

/// Writes JSON as JSONEncoder's `.prettyPrinted` does: two-space indents, `"key" : value`.
private struct JSONWriter {
    let out: OutputBuffer
    /// The last manifest, where its records are, and its bytes: a record equal to the last one is copied.
    var old: (manifest: Manifest, spans: ManifestSpans, bytes: UnsafeRawBufferPointer)?
    /// Where the manifest differs from `old`'s, when known.
    var changes: ManifestChanges?
    private var indent = 0
    /// Whether the innermost open container already has a member: the next one needs a comma,
    /// and closing it needs no blank line.
    private var hasMember = false

    init(capacity: Int, referring: Bool = false) { out = OutputBuffer(capacity: capacity, referring: referring) }

    /// A writer for the members of the manifest after `manifestHead`'s, where that writer stops.
    static func continuing(capacity: Int, referring: Bool) -> JSONWriter {
        var writer = JSONWriter(capacity: capacity, referring: referring)
        (writer.indent, writer.hasMember) = (1, true)
        return writer
    }

    // MARK: the manifest types (keys in sorted order, nil optionals left out)

    mutating func manifest(_ m: Manifest) {
        manifestHead(m)
        manifestTail(m)
    }

    /// The manifest's opening and its members up to `format`.
    mutating func manifestHead(_ m: Manifest) {
        beginObject()
        if let events = m.eventTable {
            key("events")
            let last = old?.spans.events
            let write = { (w: inout JSONWriter, event: Manifest.EventRecord, _: Int?) in w.event(event) }
            if !dictionary(count: events.count, { events[$0] }, changing: last, at: changes?.events, write) {
                // Every record decoded: the last entries may be without their values (`TableRead`).
                let all = events.dictionary
                if let last, last.values.count == last.keys.count, Self.same(all, last) { copy(last.whole) } else { dictionary(all, after: last, write) }
            }
        }
        key("files")
        let (files, digest) = (old?.spans.files, { (w: inout JSONWriter, digest: String, _: Int?) in w.string(digest) })
        let table = m.fileTable
        if !dictionary(count: table.count, { table[$0] }, changing: files, at: changes?.files, digest) { dictionary(table.dictionary, after: files, digest) }
        key("format"); int(m.format)
    }

    /// The manifest's members from `guides` on, and its closing.
    mutating func manifestTail(_ m: Manifest) {
        key("guides")
        let guides = old?.spans.guides
        dictionary(m.guides, after: guides) { w, record, position in
            if let span = Self.unchanged(record, at: position, in: guides) { w.copy(span) } else { w.guideVersion(record) }
        }
        key("inputs"); dictionary(m.inputs, after: old?.spans.inputs) { w, digest, _ in w.string(digest) }
        if let units = m.units {
            key("units")
            let last = old?.spans.units
            let write = { (w: inout JSONWriter, record: Manifest.UnitRecord, position: Int?) in
                if let span = Self.unchanged(record, at: position, in: last) { w.copy(span) } else { w.unit(record) }
            }
            if !dictionary(units, changing: last, at: changes?.units, write) { dictionary(units, after: last, write) }
        }
        endObject()
    }

    /// Whether `dict` holds exactly the entries of `last`.
    private static func same<Value: Equatable>(_ dict: [String: Value], _ last: ManifestEntries<Value>) -> Bool {
        guard dict.count == last.keys.count else { return false }
        for (key, value) in zip(last.keys, last.values) where dict[key] != value { return false }
        return true
    }

    /// Where a value is in the last manifest's bytes, when it is the same there (`position`: where
    /// its key is in `last`).
    private static func unchanged<Value: Equatable>(_ value: Value, at position: Int?, in last: ManifestEntries<Value>?) -> Range<Int>? {
        guard let position, let last, last.values.indices.contains(position), last.values[position] == value else { return nil }
        return last.spans[position]
    }

    mutating func guideVersion(_ g: Manifest.GuideVersionRecord) {
        beginObject()
        key("changes"); array(g.changes) { $0.guideChange($1) }
        key("digest"); string(g.digest)
        if let feedback = g.feedback {
            key("feedback")
            dictionary(feedback) { w, f in
                w.beginObject()
                w.key("digest"); w.string(f.digest)
                w.key("status"); w.string(f.status)
                w.endObject()
            }
        }
        if let fixedIn = g.fixedIn { key("fixedIn"); dictionary(fixedIn) { $0.string($1) } }
        if let language = g.language { key("language"); string(language) }
        if let sections = g.sections {
            key("sections")
            dictionary(sections) { w, s in
                w.beginObject()
                w.key("digest"); w.string(s.digest)
                w.key("heading"); w.string(s.heading)
                w.endObject()
            }
        }
        key("version"); string(g.version)
        endObject()
    }

    mutating func guideChange(_ c: Manifest.GuideChange) {
        beginObject()
        key("kind"); string(c.kind.rawValue)
        if let section = c.section { key("section"); string(section) }
        key("text"); string(c.text)
        endObject()
    }

    mutating func event(_ e: Manifest.EventRecord) {
        beginObject()
        key("digest"); string(e.digest)
        key("sequence"); int(e.sequence)
        if let stamp = e.stamp { key("stamp"); string(stamp) }
        endObject()
    }

    mutating func unit(_ u: Manifest.UnitRecord) {
        beginObject()
        if let events = u.events { key("events"); dictionary(events) { w, list in w.array(list) { $0.string($1) } } }
        key("files")
        beginObject()
        for file in u.fileSizes { member(file.path); int(file.size) }
        endObject()
        key("key"); string(u.key)
        if let warnings = u.warnings { key("warnings"); array(warnings) { $0.diagnostic($1) } }
        endObject()
    }

    mutating func diagnostic(_ d: Diagnostic) {
        beginObject()
        key("location")
        beginObject()
        key("column"); int(d.location.column)
        key("file"); string(d.location.file)
        key("line"); int(d.location.line)
        endObject()
        key("message"); string(d.message)
        key("severity"); string(d.severity.rawValue)
        endObject()
    }

    // MARK: containers

    mutating func dictionary<T>(_ dict: [String: T], _ value: (inout JSONWriter, T) -> Void) {
        dictionary(dict, after: nil) { w, element, _ in value(&w, element) }
    }

    /// Writes `dict` in UTF-8 key order; `value` writes a value, given where its key is in the last
    /// manifest's entries of that dictionary (`last`) when it is there.
    mutating func dictionary<T>(_ dict: [String: T], after last: ManifestEntries<T>?, _ value: (inout JSONWriter, T, Int?) -> Void) {
        beginObject()
        for (index, position) in Self.order(of: dict, after: last) {
            let (key, element) = dict[index]
            member(key)
            value(&self, element, position)
        }
        endObject()
    }

    /// Writes `dict`, which holds `last`'s entries but at the keys `touched` (changed, added or removed
    /// there): the runs of entries between two touched keys are copied from the last bytes in one piece
    /// each, keys and separators included. False, having written nothing, when the counts show that
    /// `dict` is not that (the caller then writes it entry by entry).
    mutating func dictionary<T>(_ dict: [String: T], changing last: ManifestEntries<T>?, at touched: Set<String>?,
                                _ value: (inout JSONWriter, T, Int?) -> Void) -> Bool {
        dictionary(count: dict.count, { dict[$0] }, changing: last, at: touched, value)
    }

    /// The same, for a table of `count` entries looked up with `lookup`.
    mutating func dictionary<T>(count: Int, _ lookup: (String) -> T?, changing last: ManifestEntries<T>?, at touched: Set<String>?,
                                _ value: (inout JSONWriter, T, Int?) -> Void) -> Bool {
        guard old != nil, let last, let touched, last.keys.count == last.spans.count else { return false }
        // Each touched key with where it was in `last` (binary search: the keys are in UTF-8 order).
        let keys = touched.sorted(by: utf8Precedes)
        var positions: [(key: String, at: Int, found: Bool)] = []
        positions.reserveCapacity(keys.count)
        var (inLast, inDict) = (0, 0)
        for key in keys {
            var (low, high) = (positions.last.map { $0.found ? $0.at + 1 : $0.at } ?? 0, last.keys.count)
            while low < high {
                let middle = (low + high) / 2
                if utf8Precedes(last.keys[middle], key) { low = middle + 1 } else { high = middle }
            }
            let found = low < last.keys.count && last.keys[low] == key
            positions.append((key, low, found))
            if found { inLast += 1 }
            if lookup(key) != nil { inDict += 1 }
        }
        guard count - inDict == last.keys.count - inLast else { return false }
        beginObject()
        var next = 0
        for (key, at, found) in positions {
            copyEntries(of: last, next..<at)
            next = found ? at + 1 : at
            if let element = lookup(key) {
                member(key)
                value(&self, element, found ? at : nil)
            }
        }
        copyEntries(of: last, next..<last.keys.count)
        endObject()
        return true
    }

    /// The entries `range` of the last manifest's table `last`, keys, values and the separators between
    /// them, as its bytes have them: the same bytes this writer would write for them here.
    private mutating func copyEntries<T>(of last: ManifestEntries<T>, _ range: Range<Int>) {
        guard !range.isEmpty else { return }
        let start: Int
        if hasMember, range.lowerBound > 0 {
            start = last.spans[range.lowerBound - 1].upperBound   // from the comma that ends the entry before
        } else if !hasMember, range.lowerBound == 0 {
            start = last.whole.lowerBound + 1                      // from the line break after the brace
        } else {
            // Not preceded here as it was there: its key is written, the rest copied from its value.
            member(last.keys[range.lowerBound])
            start = last.spans[range.lowerBound].lowerBound
        }
        let end = last.spans[range.upperBound - 1].upperBound
        if start <= end { copy(start..<end) }
    }

    /// The indices of `dict`'s entries in UTF-8 key order, each with where its key is in `last`. The
    /// order is `last`'s when there is one, not sorted again: most often the keys are the same, and
    /// the few new ones are merged in.
    private static func order<T>(of dict: [String: T], after last: ManifestEntries<T>?) -> [(index: Dictionary<String, T>.Index, position: Int?)] {
        guard let last else { return sortedIndices(dict).map { ($0, nil) } }
        var kept: [(index: Dictionary<String, T>.Index, position: Int?)] = []
        kept.reserveCapacity(dict.count)
        for (position, key) in last.keys.enumerated() {
            if let index = dict.index(forKey: key) { kept.append((index, position)) }
        }
        guard kept.count < dict.count else { return kept }
        let isKept = Set(kept.map(\.index))
        var merged: [(index: Dictionary<String, T>.Index, position: Int?)] = []
        merged.reserveCapacity(dict.count)
        var from = 0
        for index in sortedIndices(dict, where: { !isKept.contains($0) }) {
            let key = dict[index].key
            // The first kept key after it: binary search.
            var (low, high) = (from, kept.count)
            while low < high {
                let middle = (low + high) / 2
                if utf8Precedes(dict[kept[middle].index].key, key) { low = middle + 1 } else { high = middle }
            }
            merged += kept[from..<low]
            merged.append((index, nil))
            from = low
        }
        merged += kept[from...]
        return merged
    }

    /// The start of a dictionary's member: its key.
    private mutating func member(_ key: String) {
        nextLine()
        string(key)
        append(" : ")
    }

    /// A value as the last manifest has it, at the same depth: the bytes this writer wrote for it then.
    mutating func copy(_ span: Range<Int>) {
        guard let bytes = old?.bytes, span.lowerBound >= 0, span.upperBound <= bytes.count else { return }
        // A short run costs less copied than as a piece of its own.
        if out.referring, span.count >= 512 { out.refer(span) } else { out.append(contentsOf: UnsafeRawBufferPointer(rebasing: bytes[span])) }
        hasMember = true
    }

    mutating func array<T>(_ list: [T], _ element: (inout JSONWriter, T) -> Void) {
        out.append(Byte.openBracket)
        indent += 1
        hasMember = false
        for e in list {
            nextLine()
            element(&self, e)
        }
        close(Byte.closeBracket)
    }

    private mutating func beginObject() {
        out.append(Byte.openBrace)
        indent += 1
        hasMember = false
    }

    private mutating func endObject() { close(Byte.closeBrace) }

    /// JSONEncoder writes an empty container as `{`, a blank line, and `}` at the container's indent.
    private mutating func close(_ byte: UInt8) {
        indent -= 1
        if !hasMember { out.append(Byte.newline) }
        newline()
        out.append(byte)
        hasMember = true
    }

    /// A key of the manifest's types: ASCII, nothing to escape.
    private mutating func key(_ name: StaticString) {
        nextLine()
        out.append(Byte.quote)
        out.append(contentsOf: UnsafeBufferPointer(start: name.utf8Start, count: name.utf8CodeUnitCount))
        append("\" : ")
    }

    private mutating func nextLine() {
        if hasMember { out.append(Byte.comma) }
        newline()
        hasMember = true
    }

    private mutating func newline() {
        out.append(Byte.newline)
        for _ in 0..<indent { out.append(Byte.space); out.append(Byte.space) }
    }

    private mutating func append(_ ascii: StaticString) {
        out.append(contentsOf: UnsafeBufferPointer(start: ascii.utf8Start, count: ascii.utf8CodeUnitCount))
    }

    // MARK: scalars

    mutating func int(_ value: Int) {
        if value < 0 { out.append(Byte.minus) }
        // Digits of the magnitude, as UInt so that Int.min has one.
        var magnitude = value.magnitude
        var digits: (UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8,
                      UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8) =
            (0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0)
        withUnsafeMutableBytes(of: &digits) { buffer in
            var start = buffer.count
            repeat {
                start -= 1
                buffer[start] = Byte.zero + UInt8(magnitude % 10)
                magnitude /= 10
            } while magnitude > 0
            out.append(contentsOf: UnsafeRawBufferPointer(rebasing: buffer[start...]))
        }
    }

    mutating func string(_ text: String) {
        out.append(Byte.quote)
        withUTF8Bytes(of: text) { escaped($0) }
        out.append(Byte.quote)
    }

    /// A string's bytes, escaped as JSONEncoder escapes them.
    private mutating func escaped(_ utf8: UnsafeBufferPointer<UInt8>) {
        // Runs of bytes that need no escaping are copied at once.
        var runStart = 0
        for (index, byte) in utf8.enumerated() where byte < 0x20 || byte == Byte.quote || byte == Byte.backslash {
            out.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[runStart..<index]))
            runStart = index + 1
            out.append(Byte.backslash)
            switch byte {
            case Byte.quote, Byte.backslash: out.append(byte)
            case 0x08: out.append(UInt8(ascii: "b"))
            case 0x09: out.append(UInt8(ascii: "t"))
            case 0x0A: out.append(UInt8(ascii: "n"))
            case 0x0C: out.append(UInt8(ascii: "f"))
            case 0x0D: out.append(UInt8(ascii: "r"))
            default:
                let hex = Array("0123456789abcdef".utf8)
                for digit in [UInt8(ascii: "u"), Byte.zero, Byte.zero, hex[Int(byte >> 4)], hex[Int(byte & 0xF)]] { out.append(digit) }
            }
        }
        out.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[runStart...]))
    }
}

