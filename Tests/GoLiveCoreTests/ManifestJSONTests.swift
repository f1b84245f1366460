import Foundation
import Testing
@testable import GoLiveCore

/// The manifest's own JSON codec against the Codable one it replaces: the same bytes out, the same
/// manifests in, and nil rather than a trap on anything else.
@Suite("Manifest JSON codec")
struct ManifestJSONTests {
    typealias GuideVersionRecord = Manifest.GuideVersionRecord
    typealias GuideChange = Manifest.GuideChange

    // MARK: the reference: Codable, configured as `Manifest.encoded()`/`load` were before this codec

    static func codableEncoded(_ manifest: Manifest) throws -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return try encoder.encode(manifest) + Data("\n".utf8)
    }

    static func codableDecoded(_ data: Data) -> Manifest? {
        try? JSONDecoder().decode(Manifest.self, from: data)
    }

    /// The codec builds diagnostics through their initialisers (Codable sets the fields directly):
    /// the one documented difference, applied to the reference so the two can be compared.
    static func normalized(_ manifest: Manifest?) -> Manifest? {
        guard var manifest else { return nil }
        manifest.units = manifest.units?.mapValues { unit in
            var unit = unit
            unit.warnings = unit.warnings?.map { d in
                Diagnostic(d.severity, GoLiveCore.SourceLocation(file: d.location.file, line: d.location.line, column: d.location.column), d.message)
            }
            return unit
        }
        return manifest
    }

    static func text(_ data: Data) -> String { String(decoding: data, as: UTF8.self) }

    /// Encodes with both, expects the same bytes, and reads them back with both.
    static func expectSameAsCodable(_ manifest: Manifest, sourceLocation: Testing.SourceLocation = #_sourceLocation) throws {
        let mine = manifest.encodeJSON()
        let reference = try codableEncoded(manifest)
        #expect(text(mine) == text(reference), sourceLocation: sourceLocation)
        #expect(mine == reference, sourceLocation: sourceLocation)
        #expect(Manifest.decodeJSON(mine) == manifest, sourceLocation: sourceLocation)
        #expect(Manifest.decodeJSON(reference) == codableDecoded(reference), sourceLocation: sourceLocation)
    }

    // MARK: fixtures

    /// Strings that need care: escapes, every control character, non-ASCII, emoji, combining marks.
    static let awkward: [String] = {
        var controls = ""
        for byte in 0..<0x20 { controls.unicodeScalars.append(Unicode.Scalar(UInt8(byte))) }
        return [
            "", "plain", "with \"quotes\" and \\backslashes\\", "a/b/c.html", controls, "tab\there\nnewline\r\n",
            "\u{7F} delete", "Tableau de bord — « Relances » à 9 h", "日本語のテキスト", "emoji 😀👩‍👩‍👧 flags 🇫🇷",
            "e\u{301} combining", "\u{2028}\u{2029}\u{85}\u{FEFF}\u{FFFF}", "\u{10FFFF}", "{\"json\": [1, 2]}",
            String(repeating: "long ∑ line \\ \" ", count: 5_000),
        ]
    }()

    /// A manifest with every field set, strings and keys drawn from `awkward`.
    static func rich(_ seed: UInt64, allOptionals: Bool? = nil) -> Manifest {
        var rng = SplitMix(seed)
        func pick() -> String { awkward[Int(rng.next() % UInt64(awkward.count))] }
        func some() -> Bool { allOptionals ?? (rng.next() % 2 == 0) }
        func number() -> Int { [0, 1, 42, -7, Int.max, Int.min, 1_000_000][Int(rng.next() % 7)] }
        func keys(_ count: Int) -> [String] { (0..<count).map { "\(pick().prefix(40))#\($0)" } }

        var m = Manifest()
        m.format = number()
        for key in keys(8) { m.files[key] = pick() }
        for key in keys(3) { m.inputs[key] = pick() }
        for key in keys(4) {
            let kinds: [GuideChange.Kind] = [.sectionAdded, .sectionUpdated, .sectionRemoved, .introductionUpdated, .issueAdded, .tipAdded,
                                             .questionAnswered, .workaroundAvailable, .answerUpdated, .issueReopened, .feedbackRemoved]
            let changes = (0..<Int(rng.next() % 4)).map { i in GuideChange(kinds[(i + key.count) % kinds.count], pick(), section: some() ? pick() : nil) }
            m.guides[key] = GuideVersionRecord(
                version: "1.\(rng.next() % 20)", digest: pick(), changes: changes,
                language: some() ? pick() : nil,
                sections: some() ? Dictionary(uniqueKeysWithValues: keys(Int(rng.next() % 3)).map { ($0, Manifest.SectionRecord(heading: pick(), digest: pick())) }) : nil,
                feedback: some() ? Dictionary(uniqueKeysWithValues: keys(Int(rng.next() % 3)).map { ($0, Manifest.FeedbackRecord(status: pick(), digest: pick())) }) : nil,
                fixedIn: some() ? Dictionary(uniqueKeysWithValues: keys(Int(rng.next() % 3)).map { ($0, pick()) }) : nil)
        }
        if some() {
            m.events = Dictionary(uniqueKeysWithValues: keys(3).map { ($0, Manifest.EventRecord(digest: pick(), sequence: number(), stamp: some() ? pick() : nil)) })
        }
        if some() {
            m.units = Dictionary(uniqueKeysWithValues: keys(3).map { key in
                let warnings = (0..<Int(rng.next() % 3)).map { i in
                    Diagnostic(i % 2 == 0 ? .warning : .error, GoLiveCore.SourceLocation(file: pick(), line: 1 + i, column: Int.max - i), pick())
                }
                return (key, Manifest.UnitRecord(key: pick(), files: Dictionary(uniqueKeysWithValues: keys(3).map { ($0, number()) }),
                                                 events: some() ? Dictionary(uniqueKeysWithValues: keys(2).map { ($0, [pick(), pick()]) }) : nil,
                                                 warnings: some() ? warnings : nil))
            })
        }
        return m
    }

    /// A small manifest with one of everything, for the malformed-input tests.
    static let small: Manifest = {
        var m = Manifest()
        m.files = ["a/guide.html": "d1", "b\u{e9}.ics": "d\"2"]
        m.inputs = ["plan.yaml": "d3"]
        m.guides = ["user-guide/agents": GuideVersionRecord(version: "1.2", digest: "g", changes: [GuideChange(.issueAdded, "x\ty", section: "S")],
                                                            language: "fr", sections: ["s": .init(heading: "H", digest: "h")],
                                                            feedback: ["fb-1": .init(status: "open", digest: "f")], fixedIn: ["fb-0": "1.1"])]
        m.events = ["uid@x": .init(digest: "e", sequence: 3, stamp: "20270301T090000Z")]
        m.units = ["kit/agents": .init(key: "k", files: ["a/guide.html": 120], events: ["uid@x": ["e"]],
                                       warnings: [.warning(GoLiveCore.SourceLocation(file: "plan.yaml", line: 4, column: 2), "careful 😀")])]
        return m
    }()

    // MARK: writing

    /// A unit's files are kept in the order the manifest writes them, not in a dictionary. A manifest
    /// edited by hand may list them in another order, or a path twice: it reads as JSONDecoder reads it
    /// (the first size of a path wins), is written back in order, and is checked by the same paths.
    @Test func aUnitsFilesOutOfOrderOrTwiceReadAsJSONDecoderReadsThem() throws {
        let json = #"{"format":1,"files":{},"inputs":{},"guides":{},"units":{"kit/aud-1":{"files":{"aud-1/kit.md":12,"aud-1/kit.html":34,"aud-1/kit.md":56,"aud-1/bé.md":7,"aud-1/be.md":8},"key":"k"}}}"#
        let mine = try #require(Manifest.decodeJSON(Data(json.utf8)))
        let reference = try #require(Self.codableDecoded(Data(json.utf8)))
        #expect(mine == reference)
        let unit = try #require(mine.units?["kit/aud-1"])
        #expect(unit.files == ["aud-1/kit.md": 12, "aud-1/kit.html": 34, "aud-1/bé.md": 7, "aud-1/be.md": 8])
        #expect(unit.fileSizes.map(\.path) == ["aud-1/be.md", "aud-1/bé.md", "aud-1/kit.html", "aud-1/kit.md"], "UTF-8 order, as written")
        try Self.expectSameAsCodable(mine)
    }

    @Test func aManifestOfTheExampleProjectIsWrittenByteForByteAsCodableWritesIt() throws {
        let out = FileManager.default.temporaryDirectory.appendingPathComponent("golive-manifest-json-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: out) }
        _ = try Build(files: TrainingOutputFixture.files(), outputDirectory: out).run()
        // A second build after a feedback entry: guide changes, feedback and fixed-in records too.
        _ = try Build(files: RebuildTests.withEntry, outputDirectory: out).run()
        let written = try Data(contentsOf: out.appendingPathComponent(Manifest.fileName))
        let manifest = try #require(Self.codableDecoded(written))
        #expect(manifest.units?.isEmpty == false && manifest.events?.isEmpty == false && manifest.guides.values.contains { !$0.changes.isEmpty })
        #expect(Manifest.decodeJSON(written) == manifest)
        try Self.expectSameAsCodable(manifest)
    }

    @Test(arguments: 0..<40 as Range<UInt64>)
    func richManifestsAreWrittenAsCodableWritesThemAndReadBack(seed: UInt64) throws {
        try Self.expectSameAsCodable(Self.rich(seed))
    }

    @Test func everyOptionalPresentOrAbsent() throws {
        try Self.expectSameAsCodable(Self.rich(1, allOptionals: true))
        let bare = Self.rich(1, allOptionals: false)
        #expect(bare.events == nil && bare.units == nil)
        try Self.expectSameAsCodable(bare)
        try Self.expectSameAsCodable(Self.small)
    }

    @Test func emptyContainersAndAnEmptyManifest() throws {
        try Self.expectSameAsCodable(Manifest())
        var m = Manifest()
        m.events = [:]
        m.units = ["u": .init(key: "", files: [:], events: ["e": []], warnings: [])]
        m.guides = ["g": GuideVersionRecord(version: "", digest: "", sections: [:], feedback: [:], fixedIn: [:])]
        try Self.expectSameAsCodable(m)
        #expect(Self.text(Manifest().encodeJSON()).contains("\"files\" : {\n\n  },"))
    }

    @Test func keysAreSortedAsSortedKeysSortsThem() throws {
        // Not String `<`: that one normalises, and would put "é" before "e\u{301}x".
        var m = Manifest()
        for key in ["B", "a", "a10", "a9", "A", "_", "é", "e\u{301}x", "ｚ", "\u{FFFF}", "😀", "a/b", "a-b", "aa", ""] { m.files[key] = key }
        try Self.expectSameAsCodable(m)
        let text = Self.text(m.encodeJSON())
        let order = ["\"\" :", "\"A\" :", "\"B\" :", "\"_\" :", "\"a\" :", "\"a-b\" :", "\"e\u{301}x\" :", "\"é\" :", "\"😀\" :"].map { text.range(of: $0)!.lowerBound }
        #expect(order == order.sorted())
    }

    @Test func stringsAreEscapedAsJSONEncoderEscapesThem() throws {
        var m = Manifest()
        m.inputs["k"] = "\u{0}\u{1}\u{8}\t\n\u{B}\u{C}\r\u{1F}\"\\/\u{7F}é"
        let text = Self.text(m.encodeJSON())
        #expect(text.contains(#""k" : "\u0000\u0001\b\t\n\u000b\f\r\u001f\"\\/\#u{7F}é""#))
        try Self.expectSameAsCodable(m)
    }

    // MARK: reading

    @Test func anOlderManifestWithoutUnitsOrEventsStillReads() throws {
        let old = """
        {
          "files" : { "index.html" : "abc" },
          "format" : 1,
          "guides" : { "g/a" : { "changes" : [ ], "digest" : "d", "version" : "1.0" } },
          "inputs" : { }
        }
        """
        let manifest = try #require(Manifest.decodeJSON(Data(old.utf8)))
        #expect(manifest.events == nil && manifest.units == nil)
        #expect(manifest.guides["g/a"] == GuideVersionRecord(version: "1.0", digest: "d"))
        #expect(manifest == Self.codableDecoded(Data(old.utf8)))
    }

    static let fieldNames: Set<String> = [
        "events", "files", "format", "guides", "inputs", "units", "changes", "digest", "feedback", "fixedIn", "language",
        "sections", "version", "heading", "status", "kind", "section", "text", "sequence", "stamp", "key", "warnings",
        "location", "column", "file", "line", "message", "severity",
    ]

    @Test func unknownKeysAreSkippedAtEveryLevel() throws {
        let unknown = #""zz-new" : {"a": [1, -2.5e-3, true, false, null, "\u00e9\"", {"b": {}}, []]},"#
        // Before the first key of every object of a manifest type (not of the dictionaries: there, it would be an entry).
        var lines = Self.text(try Self.codableEncoded(Self.small)).split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        var inserted = 0
        for index in lines.indices.reversed() where lines[index].hasSuffix("{") && index + 1 < lines.count {
            let next = lines[index + 1].drop { $0 == " " }
            guard let name = next.dropFirst().split(separator: "\"").first, Self.fieldNames.contains(String(name)) else { continue }
            lines.insert(unknown, at: index + 1)
            inserted += 1
        }
        #expect(inserted == 9, "the manifest, a guide, a change, a section, a feedback, an event, a unit, a warning, its location")
        let data = Data(lines.joined(separator: "\n").utf8)
        #expect(Manifest.decodeJSON(data) == Self.small)
        #expect(Self.codableDecoded(data) == Self.small)
    }

    /// Inputs that are valid JSON but written differently, or not valid at all: the codec agrees with JSONDecoder.
    @Test(arguments: [
        // Valid, as compact JSON, with every escape, BOM, integers written as decimals, null optionals, duplicate keys.
        #"{"format":1,"files":{},"inputs":{},"guides":{}}"#,
        " \t\r\n{ \"format\" : 1 , \"files\" : { } , \"inputs\" : { } , \"guides\" : { } } \n\t",
        "\u{FEFF}{\"format\":1,\"files\":{},\"inputs\":{},\"guides\":{}}",
        #"{"format":1,"files":{"\/a\"\\\b\f\n\r\t\u0000\u00E9\ud83d\ude00":"\u002F"},"inputs":{},"guides":{}}"#,
        #"{"format":1.0,"files":{},"inputs":{},"guides":{},"events":{"u":{"digest":"d","sequence":25e-1}}}"#,
        #"{"format":1.0,"files":{},"inputs":{},"guides":{},"events":{"u":{"digest":"d","sequence":250E-1}}}"#,
        #"{"format":1E+2,"files":{},"inputs":{},"guides":{},"events":{"u":{"digest":"d","sequence":-0.0}}}"#,
        #"{"format":0.1e1,"files":{},"inputs":{},"guides":{},"events":null,"units":null}"#,
        #"{"format":12345678901234567890e-1,"files":{},"inputs":{},"guides":{}}"#,
        #"{"format":-9223372036854775808,"files":{},"inputs":{},"guides":{}}"#,
        #"{"format":9223372036854775807,"files":{},"inputs":{},"guides":{}}"#,
        #"{"format":1,"files":{"a":"1","a":"2"},"inputs":{},"guides":{},"format":2}"#,
        #"{"format":1,"files":{},"inputs":{},"guides":{"g":{"changes":[],"digest":"d","version":"v","language":null,"sections":null,"feedback":null,"fixedIn":null}}}"#,
        #"{"format":1,"files":{},"inputs":{},"guides":{"g":{"changes":[{"kind":"tipAdded","text":"t","section":null}],"digest":"d","version":"v"}}}"#,
        #"{"\u0066ormat":1,"files":{},"inputs":{},"guides":{}}"#,
        // Invalid: missing or wrong required keys, wrong types, bad enum values, bad numbers, bad strings, bad syntax.
        "", " ", "null", "[]", "{}", "1", #""x""#,
        #"{"files":{},"inputs":{},"guides":{}}"#,
        #"{"format":1,"inputs":{},"guides":{}}"#,
        #"{"format":"1","files":{},"inputs":{},"guides":{}}"#,
        #"{"format":null,"files":{},"inputs":{},"guides":{}}"#,
        #"{"format":true,"files":{},"inputs":{},"guides":{}}"#,
        #"{"format":1.5,"files":{},"inputs":{},"guides":{}}"#,
        #"{"format":1e400,"files":{},"inputs":{},"guides":{}}"#,
        #"{"format":9223372036854775808,"files":{},"inputs":{},"guides":{}}"#,
        #"{"format":-9223372036854775809,"files":{},"inputs":{},"guides":{}}"#,
        #"{"format":01,"files":{},"inputs":{},"guides":{}}"#,
        #"{"format":+1,"files":{},"inputs":{},"guides":{}}"#,
        #"{"format":1.,"files":{},"inputs":{},"guides":{}}"#,
        #"{"format":.5,"files":{},"inputs":{},"guides":{}}"#,
        #"{"format":1e,"files":{},"inputs":{},"guides":{}}"#,
        #"{"format":-,"files":{},"inputs":{},"guides":{}}"#,
        #"{"format":1,"files":[],"inputs":{},"guides":{}}"#,
        #"{"format":1,"files":{"a":1},"inputs":{},"guides":{}}"#,
        #"{"format":1,"files":{"a":null},"inputs":{},"guides":{}}"#,
        #"{"format":1,"files":{},"inputs":{},"guides":{"g":{"digest":"d","version":"v"}}}"#,
        #"{"format":1,"files":{},"inputs":{},"guides":{"g":{"changes":[{"kind":"nope","text":"t"}],"digest":"d","version":"v"}}}"#,
        #"{"format":1,"files":{},"inputs":{},"guides":{"g":{"changes":{},"digest":"d","version":"v"}}}"#,
        #"{"format":1,"files":{},"inputs":{},"guides":{"g":{"changes":[],"digest":"d","version":"v","sections":{"s":{"heading":"h"}}}}}"#,
        #"{"format":1,"files":{},"inputs":{},"guides":{},"events":{"u":{"digest":"d"}}}"#,
        #"{"format":1,"files":{},"inputs":{},"guides":{},"events":{"u":{"digest":"d","sequence":"1"}}}"#,
        #"{"format":1,"files":{},"inputs":{},"guides":{},"events":[]}"#,
        #"{"format":1,"files":{},"inputs":{},"guides":{},"units":{"u":{"key":"k"}}}"#,
        #"{"format":1,"files":{},"inputs":{},"guides":{},"units":{"u":{"key":"k","files":{"a":"1"}}}}"#,
        #"{"format":1,"files":{},"inputs":{},"guides":{},"units":{"u":{"key":"k","files":{},"events":{"x":"y"}}}}"#,
        #"{"format":1,"files":{},"inputs":{},"guides":{},"units":{"u":{"key":"k","files":{},"warnings":[{"severity":"fatal","location":{"file":"f","line":1,"column":1},"message":"m"}]}}}"#,
        #"{"format":1,"files":{},"inputs":{},"guides":{},"units":{"u":{"key":"k","files":{},"warnings":[{"severity":"error","location":{"file":"f","line":1},"message":"m"}]}}}"#,
        #"{"format":1,"files":{"a":"\x"},"inputs":{},"guides":{}}"#,
        #"{"format":1,"files":{"a":"\u12"},"inputs":{},"guides":{}}"#,
        #"{"format":1,"files":{"a":"\u12G4"},"inputs":{},"guides":{}}"#,
        #"{"format":1,"files":{"a":"\ud800"},"inputs":{},"guides":{}}"#,
        #"{"format":1,"files":{"a":"\ud800\u0041"},"inputs":{},"guides":{}}"#,
        #"{"format":1,"files":{"a":"\udc00"},"inputs":{},"guides":{}}"#,
        "{\"format\":1,\"files\":{\"a\":\"tab\there\"},\"inputs\":{},\"guides\":{}}",
        #"{"format":1,"files":{},"inputs":{},"guides":{}} x"#,
        #"{"format":1,"files":{},"inputs":{},"guides":{}}{}"#,
        #"{"format":1 "files":{},"inputs":{},"guides":{}}"#,
        #"{"format":1,"files":{},"inputs":{},"guides":{},"x":tru}"#,
        #"{"format":1,"files":{},"inputs":{},"guides":{},"x":nul}"#,
        #"{"format":1,"files":{},"inputs":{},"guides":{},"x":[1 2]}"#,
        #"{"format":1,"files":{},"inputs":{},"guides":{},"x":{"a"}}"#,
        #"{"format":1,"files":{},"inputs":{},"guides":{},"x":{1:2}}"#,
        #"{"format":1,"files":{},"inputs":{},"guides":{},"x":'a'}"#,
        #"{format:1,"files":{},"inputs":{},"guides":{}}"#,
        "{\"format\":1,\"files\":{},\"inputs\":{},\"guides\":{}\u{A0}}",
    ])
    func agreesWithJSONDecoder(json: String) {
        let data = Data(json.utf8)
        #expect(Manifest.decodeJSON(data) == Self.codableDecoded(data))
    }

    /// Where JSONDecoder (swift-foundation) is more lenient than the JSON grammar, the codec is not:
    /// GoLive never writes these, and a manifest that does not read is only a full rebuild.
    @Test(arguments: [
        #"{"format":1,"files":{},"inputs":{},"guides":{},}"#,
        #"{"format":1,"files":{},"inputs":{},"guides":{},"x":[1,]}"#,
        #"{"format":1,"files":{"a":"b",},"inputs":{},"guides":{}}"#,
        #"{"format":1e-400,"files":{},"inputs":{},"guides":{}}"#,
        #"{"format":1,"files":{},"inputs":{},"guides":{},"x":"\@"}"#,
        "{\"format\":1,\"files\":{},\"inputs\":{},\"guides\":{},\"x\":\"\t\"}",
    ])
    func whatOnlyJSONDecoderToleratesIsRefused(json: String) {
        #expect(Manifest.decodeJSON(Data(json.utf8)) == nil)
    }

    /// JSONDecoder reads some JSON that the codec refuses: a trailing comma; and, in strings it does not
    /// decode (under a key it does not know), bad escapes, raw control characters and invalid UTF-8.
    static func isLenientOnly(_ data: Data) -> Bool {
        guard let json = String(validating: data, as: UTF8.self) else { return true }
        if json.contains(/,\s*[}\]]/) || json.contains(/\\([^"\\\/bfnrtu]|u(?![0-9a-fA-F]{4}))/) { return true }
        var inString = false, escaped = false
        for byte in data {
            if inString && byte < 0x20 { return true }
            if escaped { escaped = false } else if byte == UInt8(ascii: "\\") { escaped = inString } else if byte == UInt8(ascii: "\"") { inString.toggle() }
        }
        return false
    }

    /// Integers as this codec writes them are read on a short path; every other spelling still goes
    /// through the JSON number grammar, as JSONDecoder reads it.
    @Test(arguments: ["0", "7", "10", "1000", "123456789012345678", "1234567890123456789", "9223372036854775807",
                      "9223372036854775808", "1.0", "1e2", "1E+2", "250E-1", "-0", "-5", "0.5", "01", "00", "1.", "-"])
    func integersReadAsJSONDecoderReadsThem(_ number: String) throws {
        let json = #"{"format":1,"files":{},"inputs":{},"guides":{},"events":{"u":{"digest":"d","sequence":"# + number + "}}}"
        let reference = try? JSONDecoder().decode(Manifest.self, from: Data(json.utf8))
        let mine = Manifest.decodeJSON(Data(json.utf8))
        #expect(mine?.events?["u"]?.sequence == reference?.events?["u"]?.sequence)
        #expect((mine == nil) == (reference == nil), "\(number)")
    }

    @Test func theValidSpellingsReadAsExpected() throws {
        let escapes = try #require(Manifest.decodeJSON(Data(#"{"format":1,"files":{"\/a\"\\\b\f\n\r\t\u0000\u00E9\ud83d\ude00":"\u002F"},"inputs":{},"guides":{}}"#.utf8)))
        #expect(escapes.files == ["/a\"\\\u{8}\u{C}\n\r\t\u{0}é😀": "/"])
        let numbers = try #require(Manifest.decodeJSON(Data(#"{"format":1E+2,"files":{},"inputs":{},"guides":{},"events":{"u":{"digest":"d","sequence":250E-1}}}"#.utf8)))
        #expect(numbers.format == 100 && numbers.events?["u"]?.sequence == 25)
        let duplicates = try #require(Manifest.decodeJSON(Data(#"{"format":1,"files":{"a":"1","a":"2"},"inputs":{},"guides":{},"format":2}"#.utf8)))
        #expect(duplicates.format == 1 && duplicates.files == ["a": "1"], "the first wins, as with JSONDecoder")
        #expect(Manifest.decodeJSON(Data(#"{"format":1,"files":{},"inputs":{},"guides":{},"events":null}"#.utf8))?.events == nil)
    }

    @Test func invalidUTF8IsRefused() {
        var data = Data(#"{"format":1,"files":{"a":""#.utf8)
        data.append(contentsOf: [0xC3, 0x28])
        data.append(contentsOf: Data(#""},"inputs":{},"guides":{}}"#.utf8))
        #expect(Self.codableDecoded(data) == nil)
        #expect(Manifest.decodeJSON(data) == nil)
        var escaped = Data(#"{"format":1,"files":{"a":"\u00e9"#.utf8)
        escaped.append(0xA9)   // a stray continuation byte after an escape
        escaped.append(contentsOf: Data(#""},"inputs":{},"guides":{}}"#.utf8))
        #expect(Manifest.decodeJSON(escaped) == nil)
    }

    @Test func everyTruncationIsRefused() throws {
        let data = Self.small.encodeJSON()
        let bytes = [UInt8](data)
        let end = try #require(bytes.lastIndex(of: UInt8(ascii: "}")))
        for length in 0..<bytes.count {
            let prefix = Data(bytes[..<length])
            if length <= end {
                #expect(Manifest.decodeJSON(prefix) == nil, "\(length) bytes of \(bytes.count)")
            } else {
                #expect(Manifest.decodeJSON(prefix) == Self.small)
            }
        }
    }

    @Test func deepNestingInAnUnknownKeyIsRefusedWithoutCrashing() {
        func nested(_ depth: Int) -> Data {
            Data(("{\"format\":1,\"files\":{},\"inputs\":{},\"guides\":{},\"x\":" + String(repeating: "[{\"a\":", count: depth)
                  + "1" + String(repeating: "}]", count: depth) + "}").utf8)
        }
        #expect(Manifest.decodeJSON(nested(100))?.format == 1)
        #expect(Manifest.decodeJSON(nested(200_000)) == nil)
        let unclosed = Data(("{\"format\":1,\"x\":" + String(repeating: "[", count: 200_000)).utf8)
        #expect(Manifest.decodeJSON(unclosed) == nil)
    }

    /// `original` with one to three bytes replaced, inserted or removed, taken from `alphabet`.
    static func mutated(_ original: [UInt8], _ alphabet: [UInt8], _ rng: inout SplitMix) -> [UInt8] {
        var bytes = original
        for _ in 0..<(1 + rng.next() % 3) {
            let at = Int(rng.next() % UInt64(bytes.count))
            let byte = alphabet[Int(rng.next() % UInt64(alphabet.count))]
            switch rng.next() % 3 {
            case 0: bytes[at] = byte
            case 1: bytes.insert(byte, at: at)
            default: bytes.remove(at: at)
            }
        }
        return bytes
    }

    /// Random byte edits of a small manifest: never a trap, and the same answer as JSONDecoder.
    @Test func mutatedManifestsAgreeWithJSONDecoder() throws {
        let original = [UInt8](try Self.codableEncoded(Self.small))
        let alphabet = Array(#"{}[]":,\ 0123456789.eE+-tfnulabcdx"#.utf8) + [0x00, 0x0A, 0x1F, 0x7F, 0x80, 0xC3, 0xE9, 0xFF]
        var rng = SplitMix(7)
        var accepted = 0
        for _ in 0..<(Int(ProcessInfo.processInfo.environment["FUZZ_N"] ?? "") ?? 3_000) {
            let bytes = Self.mutated(original, alphabet, &rng)
            let data = Data(bytes)
            let mine = Manifest.decodeJSON(data)
            if mine != nil { accepted += 1 }
            let reference = Self.normalized(Self.codableDecoded(data))
            if mine == nil, reference != nil, Self.isLenientOnly(data) { continue }
            #expect(mine == reference, "\(Self.text(data))")
        }
        #expect(accepted > 100, "some mutations (in strings, whitespace) keep the manifest valid")
    }
}

// MARK: reading on two threads, writing with the last manifest

extension ManifestJSONTests {
    /// A manifest with many guides and units, laid out as GoLive writes them (so that a second
    /// reader has places to start from), with keys and strings that need care among them.
    static func many(_ seed: UInt64, guides: Int = 40, units: Int = 40) -> Manifest {
        var rng = SplitMix(seed)
        let short = awkward.filter { $0.utf8.count < 200 }
        func pick() -> String { short[Int(rng.next() % UInt64(short.count))] }
        func key(_ prefix: String, _ i: Int) -> String { rng.next() % 5 == 0 ? "\(prefix)/\(pick().prefix(12))#\(i)" : "\(prefix)/aud-\(i)" }
        var m = Manifest()
        for i in 0..<(guides * 3) { m.files[key("f", i)] = pick() }
        for i in 0..<5 { m.inputs[key("i", i)] = pick() }
        for i in 0..<guides {
            let sections = Dictionary((0..<Int(rng.next() % 6)).map { (key("s", $0), Manifest.SectionRecord(heading: pick(), digest: pick())) }, uniquingKeysWith: { a, _ in a })
            let changes = (0..<Int(rng.next() % 3)).map { _ in GuideChange(.sectionUpdated, pick(), section: rng.next() % 2 == 0 ? pick() : nil) }
            m.guides[key("user-guide", i)] = GuideVersionRecord(version: "1.\(i)", digest: pick(), changes: changes, language: "fr", sections: sections,
                                                               feedback: rng.next() % 2 == 0 ? ["fb-\(i)": .init(status: "open", digest: pick())] : nil,
                                                               fixedIn: rng.next() % 3 == 0 ? [:] : nil)
        }
        m.events = Dictionary((0..<(units / 2)).map { (key("uid", $0), Manifest.EventRecord(digest: pick(), sequence: Int(rng.next() % 4), stamp: rng.next() % 2 == 0 ? pick() : nil)) },
                              uniquingKeysWith: { a, _ in a })
        m.units = Dictionary((0..<units).map { i in
            let warnings = rng.next() % 4 == 0 ? [Diagnostic(.warning, GoLiveCore.SourceLocation(file: pick(), line: 3, column: 4), pick())] : nil
            return (key("kit", i), Manifest.UnitRecord(key: pick(), files: [key("f", i): Int(rng.next() % 1000)],
                                                       events: rng.next() % 2 == 0 ? [key("uid", i): [pick()]] : nil, warnings: warnings))
        }, uniquingKeysWith: { a, _ in a })
        return m
    }

    /// Whether two readings found the same places and orders.
    static func sameSpans(_ a: ManifestSpans, _ b: ManifestSpans) -> Bool {
        func same<V: Equatable>(_ x: ManifestEntries<V>?, _ y: ManifestEntries<V>?) -> Bool {
            x?.keys == y?.keys && x?.values == y?.values && x?.spans == y?.spans && x?.whole == y?.whole
        }
        return same(a.files, b.files) && same(a.inputs, b.inputs) && same(a.guides, b.guides) && same(a.events, b.events) && same(a.units, b.units)
    }

    /// Decodes `data` with a second reader starting wherever it can, every `step` bytes, and expects
    /// what one reader alone reads. Returns how many of those starts were taken.
    @discardableResult
    static func expectTwoReadersReadWhatOneReads(_ data: Data, step: Int, sourceLocation: Testing.SourceLocation = #_sourceLocation) -> Int {
        let one = Manifest.decodeJSONKeepingBytes(data, splitFrom: data.count)
        var starts = Set<Int>()
        for from in stride(from: 0, to: data.count, by: max(1, step)) {
            guard let point = Manifest.jsonSplitPoint(in: data, from: from), starts.insert(point).inserted else { continue }
            let two = Manifest.decodeJSONKeepingBytes(data, splitFrom: from)
            #expect(two?.manifest == one?.manifest, "second reader from \(point)", sourceLocation: sourceLocation)
            if let one, let two { #expect(sameSpans(one.spans, two.spans), "second reader from \(point)", sourceLocation: sourceLocation) }
            #expect((two == nil) == (one == nil), sourceLocation: sourceLocation)
        }
        return starts.count
    }

    @Test(arguments: 0..<8 as Range<UInt64>)
    func twoReadersReadWhatOneReads(seed: UInt64) throws {
        let manifest = Self.many(seed)
        let data = manifest.encodeJSON()
        #expect(Manifest.decodeJSON(data) == manifest)
        let starts = Self.expectTwoReadersReadWhatOneReads(data, step: 97)
        #expect(starts > 40, "guides and units offer many places to start from")
    }

    /// Duplicate keys after the point the second reader starts from, in the table it starts in and at
    /// the top level: the first still wins, as with JSONDecoder.
    @Test(arguments: 0..<4 as Range<UInt64>)
    func duplicateKeysAcrossTheTwoReadersKeepTheFirst(seed: UInt64) throws {
        let manifest = Self.many(seed)
        var text = Self.text(manifest.encodeJSON())
        let firstGuide = try #require(manifest.guides.keys.min(by: { $0.utf8.lexicographicallyPrecedes($1.utf8) }))
        let firstUnit = try #require(manifest.units?.keys.min(by: { $0.utf8.lexicographicallyPrecedes($1.utf8) }))
        let escapedGuide = String(decoding: try JSONEncoder().encode(firstGuide), as: UTF8.self)
        let escapedUnit = String(decoding: try JSONEncoder().encode(firstUnit), as: UTF8.self)
        // At the end of the guides and of the units, and at the end of the document.
        let guidesEnd = try #require(text.range(of: "\n  },\n  \"inputs\""))
        text.insert(contentsOf: ",\n    \(escapedGuide) : {\"changes\":[],\"digest\":\"dup\",\"version\":\"9\"}", at: guidesEnd.lowerBound)
        let unitsEnd = try #require(text.range(of: "\n  }\n}", options: .backwards))
        text.insert(contentsOf: ",\n    \(escapedUnit) : {\"files\":{},\"key\":\"dup\"}", at: unitsEnd.lowerBound)
        let end = try #require(text.range(of: "\n}", options: .backwards))
        text.insert(contentsOf: ",\n  \"format\" : 7,\n  \"files\" : {},\n  \"guides\" : {},\n  \"units\" : null,\n  \"events\" : {}", at: end.lowerBound)
        let data = Data(text.utf8)
        let read = try #require(Manifest.decodeJSON(data))
        #expect(read == manifest)
        #expect(read == Self.normalized(Self.codableDecoded(data)))
        #expect(Self.expectTwoReadersReadWhatOneReads(data, step: 89) > 20)
    }

    /// Anything malformed, wherever it is, reads as nil with two readers as with one.
    @Test func malformedDocumentsReadAsNilWithTwoReaders() throws {
        let original = [UInt8](Self.many(7, guides: 12, units: 12).encodeJSON())
        let alphabet = Array(#"{}[]":,\ 0123456789.eE+-tfnulx"#.utf8) + [0x00, 0x0A, 0x80, 0xC3, 0xFF]
        var rng = SplitMix(11)
        for _ in 0..<(Int(ProcessInfo.processInfo.environment["FUZZ_N"] ?? "") ?? 150) / 10 {
            let bytes = Self.mutated(original, alphabet, &rng)
            Self.expectTwoReadersReadWhatOneReads(Data(bytes), step: 211)
        }
        for length in stride(from: original.count / 3, to: original.count, by: 397) {
            Self.expectTwoReadersReadWhatOneReads(Data(original[..<length]), step: 499)
        }
    }

    /// Random edits of a manifest, as a rebuild makes them: some keys removed, some added (before,
    /// between and after the others), some values changed.
    static func edited(_ manifest: Manifest, _ seed: UInt64) -> Manifest {
        var rng = SplitMix(seed)
        var m = manifest
        func chance(_ n: UInt64) -> Bool { rng.next() % n == 0 }
        for key in m.files.keys.sorted() where chance(7) { m.files[key] = chance(2) ? nil : "changed" }
        for key in ["", "0", "zzz", "f/aud-15x", "f/é", "f/aud-1\u{0}"] where chance(2) { m.files[key] = "new" }
        for key in m.guides.keys.sorted() where chance(6) {
            if chance(3) { m.guides[key] = nil } else { m.guides[key]?.digest += "x"; m.guides[key]?.sections?["new"] = .init(heading: "h", digest: "d") }
        }
        if chance(2) { m.guides["user-guide/aud-5b"] = GuideVersionRecord(version: "2.0", digest: "d") }
        for key in (m.units?.keys.sorted() ?? []) where chance(6) {
            if chance(3) { m.units?[key] = nil } else { m.units?[key]?.key += "y" }
        }
        if chance(2) { m.units?["kit/aud-0"] = .init(key: "k", files: [:], events: nil, warnings: nil) }
        switch rng.next() % 5 {
        case 0: m.events = nil
        case 1: m.events?["uid/new"] = .init(digest: "d", sequence: 1, stamp: nil)
        case 2: if let key = m.events?.keys.sorted().first { m.events?[key]?.sequence += 1 }
        default: break
        }
        if chance(4) { m.inputs = [:] }
        return m
    }

    /// A manifest as the last build wrote it, the same read back with its bytes, and the next one,
    /// edited from it.
    static func lastAndNext(_ seed: UInt64) throws -> (written: Manifest, last: ManifestBytes, next: Manifest) {
        let written = seed % 3 == 0 ? Self.rich(seed) : Self.many(seed, guides: 15, units: 15)
        let last = try #require(Manifest.decodeJSONKeepingBytes(written.encodeJSON()))
        return (written, last, Self.edited(last.manifest, seed))
    }

    @Test(arguments: 0..<30 as Range<UInt64>)
    func writingWithTheLastManifestGivesTheSameBytes(seed: UInt64) throws {
        let (lastManifest, last, next) = try Self.lastAndNext(seed)
        #expect(lastManifest.encodeJSON(reusing: last) == last.data, "nothing changed")
        let bytes = next.encodeJSON(reusing: last)
        #expect(Self.text(bytes) == Self.text(next.encodeJSON()))
        #expect(bytes == (try Self.codableEncoded(next)))
    }

    /// Audiences that read the same guide share their sections and their feedback records: the reader
    /// reuses one value for each copy of the same bytes. Copies, near-copies of the same length (a
    /// heading's or status's one letter, a brace or quote inside a string) and the awkward strings must
    /// all read as JSONDecoder reads them.
    @Test(arguments: 0..<6 as Range<UInt64>)
    func sharedSectionsReadAsJSONDecoderReadsThem(seed: UInt64) throws {
        var manifest = Self.many(seed, guides: 24, units: 4)
        var rng = SplitMix(seed)
        let texts = ["Section 3", "Section 4", "a } b", "a { b", "q \" }\"", "x\\y"] + Self.awkward.prefix(6)
        let shared: [[String: Manifest.SectionRecord]] = (0..<4).map { n in
            Dictionary(uniqueKeysWithValues: (0..<(3 + n)).map { k in
                ("s-\(k)", Manifest.SectionRecord(heading: texts[(n + k) % texts.count], digest: "d\(n)\(k)"))
            })
        }
        for (index, key) in manifest.guides.keys.sorted().enumerated() {
            let n = Int(rng.next() % UInt64(shared.count))
            var sections = shared[n]
            // The same guide digest with other sections (a manifest edited by hand): not taken for a copy.
            if index % 5 == 0 { sections["s-0"]?.heading = "Section 9" }
            manifest.guides[key]?.digest = "content-\(n)"
            manifest.guides[key]?.sections = index % 7 == 3 ? nil : sections
            var feedback = Dictionary(uniqueKeysWithValues: (0..<(2 + n)).map { k in
                ("fb-\(k)", Manifest.FeedbackRecord(status: ["open", "resolved", "workaround"][(n + k) % 3], digest: texts[(n + 2 * k) % texts.count]))
            })
            if index % 6 == 1 { feedback["fb-0"]?.status = "opem" }   // the same length, one letter off
            if index % 4 == 2 { feedback["fb-1"]?.digest += "}" }
            manifest.guides[key]?.feedback = index % 9 == 4 ? nil : feedback
        }
        let data = manifest.encodeJSON()
        #expect(Manifest.decodeJSON(data) == manifest)
        #expect(Manifest.decodeJSON(data) == Self.codableDecoded(data))
        let compact = try JSONEncoder().encode(manifest)
        #expect(Manifest.decodeJSON(compact) == manifest)
    }

    /// The keys at which two manifests' tables differ, and some at which they do not: a build may name
    /// a record that it rendered the same again.
    static func changes(from last: Manifest, to next: Manifest, _ seed: UInt64) -> ManifestChanges {
        var rng = SplitMix(seed &+ 1)
        func touched<V: Equatable>(_ a: [String: V]?, _ b: [String: V]?) -> Set<String> {
            let (a, b) = (a ?? [:], b ?? [:])
            var keys = Set(a.keys).union(b.keys).filter { a[$0] != b[$0] }
            for key in a.keys.sorted() where rng.next() % 9 == 0 { keys.insert(key) }
            return keys
        }
        return ManifestChanges(files: touched(last.files, next.files), events: touched(last.events, next.events),
                               units: touched(last.units, next.units))
    }

    /// A rebuild names the records it may have changed, and the others are copied from the last
    /// manifest in runs, keys and separators included: the bytes are still those of encoding anew.
    @Test(arguments: 0..<30 as Range<UInt64>)
    func writingOnlyTheNamedRecordsGivesTheSameBytes(seed: UInt64) throws {
        let (_, last, next) = try Self.lastAndNext(seed)
        let bytes = next.encodeJSON(reusing: last, changes: Self.changes(from: last.manifest, to: next, seed))
        #expect(Self.text(bytes) == Self.text(next.encodeJSON()))
        #expect(bytes == (try Self.codableEncoded(next)))
    }

    /// A rebuild writes the manifest from runs of new bytes and of the last manifest's (`ManifestEncoding`),
    /// without joining them first: joined, compared, or written to a file, they must be the bytes of
    /// encoding anew.
    @Test(arguments: 0..<12 as Range<UInt64>)
    func runsOfTheLastManifestGiveTheBytesOfEncodingAnew(seed: UInt64) throws {
        let (_, last, next) = try Self.lastAndNext(seed)
        let encoding = next.encoding(reusing: last, changes: Self.changes(from: last.manifest, to: next, seed))
        let fresh = next.encodeJSON()
        #expect(encoding.data() == fresh)
        #expect(encoding.count == fresh.count)
        #expect(encoding.isSame(as: fresh))
        #expect(encoding.isSame(as: last.data) == (fresh == last.data))
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("golive-encoding-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: file) }
        try encoding.write(to: file.path)
        #expect(try Data(contentsOf: file) == fresh)
    }

    /// What proves the long unchanged runs are written from the last manifest's bytes rather than
    /// copied into a new buffer: the buffer holds only the rest.
    @Test func longUnchangedRunsAreReferredToNotCopied() throws {
        // A manifest as a build writes it, its records of the sizes a real project gives.
        let out = FileManager.default.temporaryDirectory.appendingPathComponent("golive-runs-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: out) }
        _ = try Build(files: MemoryFiles(SyntheticProject.files(audiences: 20, waves: 2, seed: 3)), outputDirectory: out).run()
        let last = try #require(Manifest.loadKeepingBytes(from: out))
        var next = last.manifest
        let path = try #require(next.files.keys.sorted().dropFirst(2).first)
        next.files[path] = "changed"
        let encoding = next.encoding(reusing: last, changes: ManifestChanges(files: [path], events: [], units: []))
        let copied = encoding.runs.reduce(0) { total, run in
            if case .copied(let range) = run { return total + range.count } else { return total }
        }
        #expect(copied > encoding.count / 2, "most of the bytes are the last manifest's")
        #expect(encoding.written.count == encoding.count - copied)
        #expect(encoding.data() == next.encodeJSON())
        let same = last.manifest.encoding(reusing: last, changes: ManifestChanges(files: [], events: [], units: []))
        #expect(same.isSame(as: last.data))
        #expect(!encoding.isSame(as: last.data))
    }

    /// What proves the runs are copied: a change the build did not name is not written. (A build names
    /// every change it makes: the rebuild tests compare its manifest with a full build's.) Named, it is.
    @Test func aRecordNotNamedIsCopiedAsItWas() throws {
        let last = try #require(Manifest.decodeJSONKeepingBytes(Self.many(1, guides: 5, units: 5).encodeJSON()))
        #expect(last.spans.files != nil)
        var next = last.manifest
        let path = try #require(next.files.keys.sorted().dropFirst(2).first)
        next.files[path] = "changed"
        let unnamed = next.encodeJSON(reusing: last, changes: ManifestChanges(files: [], events: [], units: []))
        #expect(unnamed == last.data)
        #expect(next.encodeJSON(reusing: last, changes: ManifestChanges(files: [path], events: [], units: [])) == next.encodeJSON())
        // Counts that cannot be the last table's and the changes named: written entry by entry instead.
        next.files["zz-new"] = "new"
        #expect(next.encodeJSON(reusing: last, changes: ManifestChanges(files: [path], events: [], units: [])) == next.encodeJSON())
    }

    /// Only what this codec wrote is copied: JSON written otherwise (compact, keys unsorted, slashes
    /// escaped, numbers written as decimals, null optionals, unknown keys) is read, and the next
    /// manifest is written in full.
    @Test func lastManifestsWrittenOtherwiseAreNotCopied() throws {
        let manifest = Self.many(3, guides: 10, units: 10)
        var written: [String] = []
        for formatting in [JSONEncoder.OutputFormatting.sortedKeys, [], [.prettyPrinted], [.prettyPrinted, .sortedKeys]] {
            let encoder = JSONEncoder()
            encoder.outputFormatting = formatting
            written.append(Self.text(try encoder.encode(manifest)))
        }
        let mine = Self.text(manifest.encodeJSON())
        written.append(mine.replacing(/"sequence" : (\d+)/, maxReplacements: 1) { "\"sequence\" : \($0.1).0" })
        written.append(mine.replacing("{\n      \"changes\"", with: "{\n      \"aa\" : 1,\n      \"changes\"", maxReplacements: 1))
        written.append(mine.replacing("\"version\" : \"", with: "\"language\" : null,\n      \"version\" : \"", maxReplacements: 1))
        // Entries separated otherwise: runs of them would carry the odd separators along.
        written.append(mine.replacing(",\n    \"", with: ",\n     \""))
        written.append(mine.replacing(",\n    \"", with: " ,\n    \""))
        for text in written {
            #expect(text != mine)
            let last = try #require(Manifest.decodeJSONKeepingBytes(Data(text.utf8)))
            #expect(last.manifest == manifest)
            for next in [manifest, Self.edited(manifest, 5)] {
                #expect(Self.text(next.encodeJSON(reusing: last)) == Self.text(next.encodeJSON()), "\(text.prefix(300))")
                let changes = Self.changes(from: manifest, to: next, 5)
                #expect(Self.text(next.encodeJSON(reusing: last, changes: changes)) == Self.text(next.encodeJSON()), "\(text.prefix(300))")
            }
        }
    }
}

extension ManifestJSONTests {
    /// A small deterministic generator, so that a failure can be replayed.
    struct SplitMix {
        var state: UInt64
        init(_ seed: UInt64) { state = seed }
        mutating func next() -> UInt64 {
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return z ^ (z >> 31)
        }
    }
}
