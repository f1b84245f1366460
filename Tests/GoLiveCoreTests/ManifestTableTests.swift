import Foundation
import Testing
@testable import GoLiveCore

/// A rebuild reads the last manifest's files and calendar events as bytes and decodes only those it
/// asks for (`ManifestTable`). What it reads must be what decoding them all gives: a wrong SEQUENCE or
/// DTSTAMP would make calendar applications ignore an update or show a change that is none, and a
/// wrong file digest would rewrite a file for nothing or leave a changed one unwritten.
@Suite("Manifest tables as read")
struct ManifestTableTests {
    static func manifest(events: [String: Manifest.EventRecord], files: [String: String] = ["aud-1/kit.md": "0123456789abcdef"]) -> Manifest {
        var manifest = Manifest()
        manifest.files = files
        manifest.events = events
        manifest.units = ["kit/aud-1": Manifest.UnitRecord(key: "k", files: ["aud-1/kit.md": 3])]
        return manifest
    }

    static let events: [String: Manifest.EventRecord] = Dictionary(uniqueKeysWithValues: (0..<300).map { n in
        ("orion-session-\(n)@golive", Manifest.EventRecord(digest: String(format: "%016x", n * 7919), sequence: n % 4,
                                                           stamp: n % 5 == 0 ? nil : "2027030\(n % 9 + 1)T0900\(n % 6)0Z"))
    })

    @Test func eachEventReadsAsDecodingThemAllReadsIt() throws {
        let data = Self.manifest(events: Self.events).encoded()
        let read = try #require(Manifest.decodeJSON(data))
        #expect(read.events == Self.events)
        #expect(read == (try JSONDecoder().decode(Manifest.self, from: data)))
        for (uid, record) in Self.events {
            #expect(read.eventSequence(uid: uid, digest: record.digest) == record.sequence)
            #expect(read.eventSequence(uid: uid, digest: "changed") == record.sequence + 1)
            #expect(read.eventStamp(uid: uid, digest: record.digest) == record.stamp)
        }
        #expect(read.eventSequence(uid: "orion-session-300@golive", digest: "d") == 0)
        #expect(read.eventSequence(uid: "", digest: "d") == 0)
        #expect(read.eventSequence(uid: "zzz", digest: "d") == 0)
    }

    @Test func setAndRemovedEventsCountAndEncodeAsADictionaryWould() throws {
        let data = Self.manifest(events: Self.events).encoded()
        var read = try #require(Manifest.decodeJSON(data))
        var expected = Self.events
        var table = try #require(read.eventTable)
        let changes: [(String, Manifest.EventRecord?)] = [
            ("orion-session-7@golive", .init(digest: "ffffffffffffffff", sequence: 9, stamp: "20270401T080000Z")),
            ("orion-session-8@golive", nil), ("orion-session-8@golive", nil),   // removed twice
            ("orion-new@golive", .init(digest: "aaaaaaaaaaaaaaaa", sequence: 0, stamp: nil)),
            ("orion-gone-never-there@golive", nil),
            ("orion-new@golive", nil),   // added, then removed
            ("orion-session-9@golive", nil), ("orion-session-9@golive", .init(digest: "b", sequence: 2, stamp: nil)),   // removed, then set again
        ]
        for (uid, record) in changes {
            table[uid] = record
            expected[uid] = record
            #expect(table.count == expected.count, "after \(uid)")
            #expect(table[uid] == record)
        }
        #expect(table.dictionary == expected)
        read.eventTable = table
        #expect(read.events == expected)
        // Written from the last manifest's bytes and the changed records: the bytes JSONEncoder writes.
        let old = try #require(Manifest.decodeJSONKeepingBytes(data))
        let touched = Set(changes.map(\.0))
        let encoded = read.encodeJSON(reusing: old, changes: ManifestChanges(files: [], events: touched, units: []))
        #expect(encoded == Self.manifest(events: expected).encoded())
    }

    static let files: [String: String] = Dictionary(uniqueKeysWithValues: (0..<400).map { n in
        ("aud-\(n % 37)/comms/2027-03-\(n % 28 + 1)-m\(n).\(["md", "html", "eml"][n % 3])", String(format: "%016llx", UInt64(n) &* 0x9E37_79B9_7F4A_7C15))
    })

    @Test func eachFileDigestReadsAsDecodingThemAllReadsItAndChangesEncodeAsADictionaryWould() throws {
        let data = Self.manifest(events: [:], files: Self.files).encoded()
        let read = try #require(Manifest.decodeJSON(data))
        #expect(read.files == Self.files)
        for (path, digest) in Self.files { #expect(read.fileTable[path] == digest) }
        #expect(read.fileTable["aud-1/none.md"] == nil && read.fileTable.count == Self.files.count)
        #expect(Set(read.fileTable.keys) == Set(Self.files.keys))
        var changed = read
        var expected = Self.files
        let touched = ["aud-3/comms/2027-03-4-m3.md", "aud-0/new.md", "aud-5/comms/2027-03-6-m5.html", "zz/last.md", "a/first.md"]
        for (index, path) in touched.enumerated() {
            let digest: String? = index == 2 ? nil : "f\(index)"
            changed.fileTable[path] = digest
            expected[path] = digest
        }
        #expect(changed.files == expected && changed.fileTable.count == expected.count)
        #expect(Set(changed.fileTable.keys) == Set(expected.keys))
        let old = try #require(Manifest.decodeJSONKeepingBytes(data))
        let encoded = changed.encodeJSON(reusing: old, changes: ManifestChanges(files: Set(touched), events: [], units: []))
        #expect(encoded == Self.manifest(events: [:], files: expected).encoded())
    }

    /// A table GoLive did not write as it writes one (keys out of order, not ASCII, escaped) is decoded,
    /// as JSONDecoder decodes it: the first of two equal keys wins.
    @Test(arguments: [
        #"{"b@golive":{"digest":"2","sequence":1},"a@golive":{"digest":"1","sequence":0}}"#,
        #"{"a@golive":{"digest":"1","sequence":0},"a@golive":{"digest":"2","sequence":5}}"#,
        #"{"caf\u00e9@golive":{"digest":"1","sequence":3,"stamp":"20270101T000000Z"}}"#,
        #"{"café@golive":{"digest":"1","sequence":3},"K@golive":{"digest":"2","sequence":4}}"#,
        #"{"\u0061@golive":{"digest":"1","sequence":2,"stamp":null,"other":[1,{"x":null}]}}"#,
    ])
    func tablesWrittenOtherwiseReadAsJSONDecoderReadsThem(_ events: String) throws {
        let json = #"{"format":1,"files":{},"inputs":{},"guides":{},"units":{},"events":"# + events + "}"
        let mine = try #require(Manifest.decodeJSON(Data(json.utf8)))
        let reference = try JSONDecoder().decode(Manifest.self, from: Data(json.utf8))
        #expect(mine.events == reference.events)
        for (uid, record) in reference.events ?? [:] {
            #expect(mine.eventSequence(uid: uid, digest: record.digest) == record.sequence)
        }
        // KELVIN SIGN is `K` to a String, as to a dictionary key.
        if reference.events?["K@golive"] != nil { #expect(mine.eventSequence(uid: "\u{212A}@golive", digest: "2") == 4) }
    }

    @Test(arguments: [
        #"{"b.md":"2","a.md":"1"}"#, #"{"a.md":"1","a.md":"2"}"#, #"{"caf\u00e9.md":"1","d.md":"2"}"#,
        #"{"café.md":"1","K.md":"2"}"#, #"{"a\/b.md":"\u0031"}"#, #"{}"#,
    ])
    func fileTablesWrittenOtherwiseReadAsJSONDecoderReadsThem(_ files: String) throws {
        let json = #"{"format":1,"inputs":{},"guides":{},"files":"# + files + "}"
        let mine = try #require(Manifest.decodeJSON(Data(json.utf8)))
        let reference = try JSONDecoder().decode(Manifest.self, from: Data(json.utf8))
        #expect(mine.files == reference.files)
        for (path, digest) in reference.files { #expect(mine.fileTable[path] == digest) }
    }

    @Test(arguments: [#"{"a.md":1}"#, #"{"a.md":null}"#, #"{"a.md":"\u12"}"#, #"{"a.md":"1",}"#, #"{"a.md"}"#])
    func aMalformedFileDigestRefusesTheManifest(_ files: String) {
        let json = #"{"format":1,"inputs":{},"guides":{},"files":"# + files + "}"
        #expect(Manifest.decodeJSON(Data(json.utf8)) == nil)
    }

    /// Each record is still checked as the manifest is read: a malformed one refuses the manifest
    /// (the build then renders everything), as before, rather than failing when it is asked for.
    @Test(arguments: [
        #"{"a@golive":{"digest":"1"}}"#, #"{"a@golive":{"sequence":1}}"#, #"{"a@golive":{"digest":1,"sequence":1}}"#,
        #"{"a@golive":{"digest":"1","sequence":1.5}}"#, #"{"a@golive":{"digest":"1","sequence":1,"stamp":2}}"#,
        #"{"a@golive":{"digest":"\u12","sequence":1}}"#, #"{"a@golive":[]}"#, #"{"a@golive":{"digest":"1","sequence":1},}"#,
    ])
    func aMalformedRecordRefusesTheManifest(_ events: String) {
        let json = #"{"format":1,"files":{},"inputs":{},"guides":{},"events":"# + events + "}"
        #expect(Manifest.decodeJSON(Data(json.utf8)) == nil)
    }
}
