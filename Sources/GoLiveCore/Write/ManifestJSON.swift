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
    /// the ones that did not change (see `ManifestBytes`).
    static func decodeJSONKeepingBytes(_ data: Data) -> ManifestBytes? {
        data.withUnsafeBytes { raw -> ManifestBytes? in
            var reader = JSONReader(raw.assumingMemoryBound(to: UInt8.self))
            guard let manifest = try? reader.document() else { return nil }
            return ManifestBytes(manifest: manifest, data: data, spans: reader.spans)
        }
    }

    /// The same bytes as `encoded()`, trailing newline included. `reusing`: the last manifest read,
    /// whose records equal to this one's are copied rather than written again.
    func encodeJSON(reusing old: ManifestBytes? = nil) -> Data {
        var writer = JSONWriter()
        if let old {
            old.data.withUnsafeBytes { raw in
                writer.old = (old.manifest, old.spans, raw)
                writer.manifest(self)
                writer.old = nil
            }
        } else {
            writer.manifest(self)
        }
        writer.out.append(Byte.newline)
        return Data(writer.out)
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

/// Where the records of a manifest are in its bytes.
struct ManifestSpans: Sendable {
    var guides: [String: Range<Int>] = [:]
    var units: [String: Range<Int>] = [:]
    var events: Range<Int>?
}

private enum Byte {
    static let quote = UInt8(ascii: "\""), backslash = UInt8(ascii: "\\"), slash = UInt8(ascii: "/")
    static let openBrace = UInt8(ascii: "{"), closeBrace = UInt8(ascii: "}")
    static let openBracket = UInt8(ascii: "["), closeBracket = UInt8(ascii: "]")
    static let comma = UInt8(ascii: ","), colon = UInt8(ascii: ":"), space = UInt8(ascii: " ")
    static let newline = UInt8(ascii: "\n"), minus = UInt8(ascii: "-"), plus = UInt8(ascii: "+")
    static let zero = UInt8(ascii: "0"), nine = UInt8(ascii: "9"), dot = UInt8(ascii: ".")
}

// MARK: reading

private struct Malformed: Error {}

/// The first value read for a key is kept, as JSONDecoder does with duplicate keys.
private func keepFirst<T>(_ slot: inout T?, _ value: T) {
    if slot == nil { slot = value }
}

private struct JSONReader {
    let bytes: UnsafeBufferPointer<UInt8>
    var i = 0
    var depth = 0
    var spans = ManifestSpans()
    /// Values nested deeper than this in unknown keys are refused rather than risk the stack.
    static let maxDepth = 512

    init(_ bytes: UnsafeBufferPointer<UInt8>) { self.bytes = bytes }

    mutating func document() throws(Malformed) -> Manifest {
        if bytes.count >= 3, bytes[0] == 0xEF, bytes[1] == 0xBB, bytes[2] == 0xBF { i = 3 }
        let manifest = try manifest()
        skipWhitespace()
        guard i == bytes.count else { throw Malformed() }
        return manifest
    }

    // MARK: the manifest types

    mutating func manifest() throws(Malformed) -> Manifest {
        var format: Int?, files: [String: String]?, inputs: [String: String]?
        var guides: [String: Manifest.GuideVersionRecord]?
        var events: [String: Manifest.EventRecord]??, units: [String: Manifest.UnitRecord]??
        try object { r, key throws(Malformed) in
            switch key {
            case "format": keepFirst(&format, try r.int())
            case "files": keepFirst(&files, try r.dictionary { r throws(Malformed) in try r.string() })
            case "inputs": keepFirst(&inputs, try r.dictionary { r throws(Malformed) in try r.string() })
            case "guides":
                var spans: [String: Range<Int>] = [:]
                let value = try r.dictionary(spans: &spans) { r throws(Malformed) in try r.guideVersion() }
                if guides == nil { r.spans.guides = spans }
                keepFirst(&guides, value)
            case "events":
                r.skipWhitespace()
                let start = r.i
                let value = try r.nullable { r throws(Malformed) in try r.dictionary { r throws(Malformed) in try r.event() } }
                if events == nil { r.spans.events = start..<r.i }
                keepFirst(&events, value)
            case "units":
                var spans: [String: Range<Int>] = [:]
                let value = try r.nullable { r throws(Malformed) in try r.dictionary(spans: &spans) { r throws(Malformed) in try r.unit() } }
                if units == nil { r.spans.units = spans }
                keepFirst(&units, value)
            default: try r.skipValue()
            }
        }
        guard let format, let files, let inputs, let guides else { throw Malformed() }
        var manifest = Manifest()
        manifest.format = format
        manifest.files = files
        manifest.inputs = inputs
        manifest.guides = guides
        manifest.events = events ?? nil
        manifest.units = units ?? nil
        return manifest
    }

    mutating func guideVersion() throws(Malformed) -> Manifest.GuideVersionRecord {
        var version: String?, digest: String?, changes: [Manifest.GuideChange]?, language: String??
        var sections: [String: Manifest.SectionRecord]??, feedback: [String: Manifest.FeedbackRecord]??
        var fixedIn: [String: String]??
        try object { r, key throws(Malformed) in
            switch key {
            case "version": keepFirst(&version, try r.string())
            case "digest": keepFirst(&digest, try r.string())
            case "changes": keepFirst(&changes, try r.array { r throws(Malformed) in try r.guideChange() })
            case "language": keepFirst(&language, try r.nullable { r throws(Malformed) in try r.string() })
            case "sections": keepFirst(&sections, try r.nullable { r throws(Malformed) in try r.dictionary { r throws(Malformed) in try r.section() } })
            case "feedback": keepFirst(&feedback, try r.nullable { r throws(Malformed) in try r.dictionary { r throws(Malformed) in try r.feedback() } })
            case "fixedIn": keepFirst(&fixedIn, try r.nullable { r throws(Malformed) in try r.dictionary { r throws(Malformed) in try r.string() } })
            default: try r.skipValue()
            }
        }
        guard let version, let digest, let changes else { throw Malformed() }
        return Manifest.GuideVersionRecord(version: version, digest: digest, changes: changes, language: language ?? nil,
                                           sections: sections ?? nil, feedback: feedback ?? nil, fixedIn: fixedIn ?? nil)
    }

    mutating func section() throws(Malformed) -> Manifest.SectionRecord {
        var heading: String?, digest: String?
        try object { r, key throws(Malformed) in
            switch key {
            case "heading": keepFirst(&heading, try r.string())
            case "digest": keepFirst(&digest, try r.string())
            default: try r.skipValue()
            }
        }
        guard let heading, let digest else { throw Malformed() }
        return Manifest.SectionRecord(heading: heading, digest: digest)
    }

    mutating func feedback() throws(Malformed) -> Manifest.FeedbackRecord {
        var status: String?, digest: String?
        try object { r, key throws(Malformed) in
            switch key {
            case "status": keepFirst(&status, try r.string())
            case "digest": keepFirst(&digest, try r.string())
            default: try r.skipValue()
            }
        }
        guard let status, let digest else { throw Malformed() }
        return Manifest.FeedbackRecord(status: status, digest: digest)
    }

    mutating func guideChange() throws(Malformed) -> Manifest.GuideChange {
        var kind: Manifest.GuideChange.Kind?, text: String?, section: String??
        try object { r, key throws(Malformed) in
            switch key {
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

    mutating func event() throws(Malformed) -> Manifest.EventRecord {
        var digest: String?, sequence: Int?, stamp: String??
        try object { r, key throws(Malformed) in
            switch key {
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
        var key: String?, files: [String: Int]?, events: [String: [String]]??, warnings: [Diagnostic]??
        try object { r, name throws(Malformed) in
            switch name {
            case "key": keepFirst(&key, try r.string())
            case "files": keepFirst(&files, try r.dictionary { r throws(Malformed) in try r.int() })
            case "events": keepFirst(&events, try r.nullable { r throws(Malformed) in try r.dictionary { r throws(Malformed) in try r.array { r throws(Malformed) in try r.string() } } })
            case "warnings": keepFirst(&warnings, try r.nullable { r throws(Malformed) in try r.array { r throws(Malformed) in try r.diagnostic() } })
            default: try r.skipValue()
            }
        }
        guard let key, let files else { throw Malformed() }
        return Manifest.UnitRecord(key: key, files: files, events: events ?? nil, warnings: warnings ?? nil)
    }

    mutating func diagnostic() throws(Malformed) -> Diagnostic {
        var severity: Diagnostic.Severity?, location: SourceLocation?, message: String?
        try object { r, key throws(Malformed) in
            switch key {
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
        try object { r, key throws(Malformed) in
            switch key {
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

    /// Reads `{ "key": value, ... }`, handing each key to `member`, which must read exactly one value.
    mutating func object(_ member: (inout JSONReader, String) throws(Malformed) -> Void) throws(Malformed) {
        skipWhitespace()
        try expect(Byte.openBrace)
        skipWhitespace()
        if i < bytes.count, bytes[i] == Byte.closeBrace { i += 1; return }
        while true {
            skipWhitespace()
            let key = try string()
            skipWhitespace()
            try expect(Byte.colon)
            skipWhitespace()
            try member(&self, key)
            skipWhitespace()
            guard i < bytes.count else { throw Malformed() }
            let next = bytes[i]
            i += 1
            if next == Byte.comma { continue }
            if next == Byte.closeBrace { return }
            throw Malformed()
        }
    }

    mutating func array<T>(_ element: (inout JSONReader) throws(Malformed) -> T) throws(Malformed) -> [T] {
        skipWhitespace()
        try expect(Byte.openBracket)
        skipWhitespace()
        var result: [T] = []
        if i < bytes.count, bytes[i] == Byte.closeBracket { i += 1; return result }
        while true {
            skipWhitespace()
            result.append(try element(&self))
            skipWhitespace()
            guard i < bytes.count else { throw Malformed() }
            let next = bytes[i]
            i += 1
            if next == Byte.comma { continue }
            if next == Byte.closeBracket { return result }
            throw Malformed()
        }
    }

    mutating func dictionary<T>(_ value: (inout JSONReader) throws(Malformed) -> T) throws(Malformed) -> [String: T] {
        var result: [String: T] = [:]
        try object { r, key throws(Malformed) in
            let element = try value(&r)
            if let first = result.updateValue(element, forKey: key) { result[key] = first }
        }
        return result
    }

    /// `dictionary`, noting where each value kept is in the bytes.
    mutating func dictionary<T>(spans: inout [String: Range<Int>],
                                _ value: (inout JSONReader) throws(Malformed) -> T) throws(Malformed) -> [String: T] {
        var result: [String: T] = [:]
        var found: [String: Range<Int>] = [:]
        try object { r, key throws(Malformed) in
            let start = r.i
            let element = try value(&r)
            if let first = result.updateValue(element, forKey: key) { result[key] = first } else { found[key] = start..<r.i }
        }
        spans = found
        return result
    }

    /// nil for `null`, as `decodeIfPresent` reads it.
    mutating func nullable<T>(_ value: (inout JSONReader) throws(Malformed) -> T) throws(Malformed) -> T? {
        skipWhitespace()
        if i < bytes.count, bytes[i] == UInt8(ascii: "n") { try literal("null"); return nil }
        return try value(&self)
    }

    // MARK: scalars

    mutating func string() throws(Malformed) -> String {
        skipWhitespace()
        try expect(Byte.quote)
        let start = i
        var high: UInt8 = 0
        while i < bytes.count {
            let byte = bytes[i]
            if byte == Byte.quote {
                let utf8 = UnsafeBufferPointer(rebasing: bytes[start..<i])
                i += 1
                // Most strings are ASCII, valid as they are: String(validating:) costs more than decoding.
                if high < 0x80 { return String(decoding: utf8, as: UTF8.self) }
                guard let text = String(validating: utf8, as: UTF8.self) else { throw Malformed() }
                return text
            }
            high |= byte
            if byte == Byte.backslash { return try escapedString(from: start) }
            if byte < 0x20 { throw Malformed() }
            i += 1
        }
        throw Malformed()
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
            case Byte.quote, Byte.backslash, Byte.slash: utf8.append(escape)
            case UInt8(ascii: "b"): utf8.append(0x08)
            case UInt8(ascii: "f"): utf8.append(0x0C)
            case UInt8(ascii: "n"): utf8.append(0x0A)
            case UInt8(ascii: "r"): utf8.append(0x0D)
            case UInt8(ascii: "t"): utf8.append(0x09)
            case UInt8(ascii: "u"):
                var code = UInt32(try hex4())
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
        skipWhitespace()
        guard i < bytes.count else { throw Malformed() }
        depth += 1
        defer { depth -= 1 }
        guard depth <= Self.maxDepth else { throw Malformed() }
        switch bytes[i] {
        case Byte.quote: _ = try string()
        case Byte.openBrace: try object { r, _ throws(Malformed) in try r.skipValue() }
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

// MARK: writing

/// Writes JSON as JSONEncoder's `.prettyPrinted` does: two-space indents, `"key" : value`.
private struct JSONWriter {
    var out: [UInt8] = []
    /// The last manifest, where its records are, and its bytes: a record equal to the last one is copied.
    var old: (manifest: Manifest, spans: ManifestSpans, bytes: UnsafeRawBufferPointer)?
    private var indent = 0
    /// Whether the innermost open container already has a member: the next one needs a comma,
    /// and closing it needs no blank line.
    private var hasMember = false

    init() { out.reserveCapacity(1 << 16) }

    // MARK: the manifest types (keys in sorted order, nil optionals left out)

    mutating func manifest(_ m: Manifest) {
        beginObject()
        if let events = m.events {
            key("events")
            if let old, let span = old.spans.events, old.manifest.events == events { copy(span, old.bytes) } else { dictionary(events) { $0.event($1) } }
        }
        key("files"); dictionary(m.files) { $0.string($1) }
        key("format"); int(m.format)
        key("guides")
        dictionary(m.guides) { w, key, record in
            if let old = w.old, let span = old.spans.guides[key], old.manifest.guides[key] == record { w.copy(span, old.bytes) } else { w.guideVersion(record) }
        }
        key("inputs"); dictionary(m.inputs) { $0.string($1) }
        if let units = m.units {
            key("units")
            dictionary(units) { w, key, record in
                if let old = w.old, let span = old.spans.units[key], old.manifest.units?[key] == record { w.copy(span, old.bytes) } else { w.unit(record) }
            }
        }
        endObject()
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
        key("files"); dictionary(u.files) { $0.int($1) }
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
        dictionary(dict) { w, _, element in value(&w, element) }
    }

    mutating func dictionary<T>(_ dict: [String: T], _ value: (inout JSONWriter, String, T) -> Void) {
        beginObject()
        // Keys alone are sorted: moving (key, record) pairs costs more than looking each value up again.
        for k in dict.keys.sorted(by: utf8Precedes) {
            nextLine()
            string(k)
            append(" : ")
            value(&self, k, dict[k]!)
        }
        endObject()
    }

    /// A value as the last manifest has it, at the same depth: the bytes this writer wrote for it then.
    mutating func copy(_ span: Range<Int>, _ bytes: UnsafeRawBufferPointer) {
        guard span.lowerBound >= 0, span.upperBound <= bytes.count else { return }
        out.append(contentsOf: UnsafeRawBufferPointer(rebasing: bytes[span]))
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
            out.append(contentsOf: buffer[start...])
        }
    }

    mutating func string(_ text: String) {
        out.append(Byte.quote)
        var text = text
        text.withUTF8 { utf8 in
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
                    out.append(contentsOf: [UInt8(ascii: "u"), Byte.zero, Byte.zero, hex[Int(byte >> 4)], hex[Int(byte & 0xF)]])
                }
            }
            out.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[runStart...]))
        }
        out.append(Byte.quote)
    }
}

/// The order of JSONEncoder's `.sortedKeys`: UTF-8 bytes, unnormalised.
private func utf8Precedes(_ a: String, _ b: String) -> Bool {
    let fast = a.utf8.withContiguousStorageIfAvailable { x in
        b.utf8.withContiguousStorageIfAvailable { y in
            let common = min(x.count, y.count)
            if common > 0, let p = x.baseAddress, let q = y.baseAddress {
                let order = memcmp(p, q, common)
                if order != 0 { return order < 0 }
            }
            return x.count < y.count
        }
    }
    if let fast, let fast { return fast }
    return a.utf8.lexicographicallyPrecedes(b.utf8)
}
