import Foundation
import Testing
@testable import GoLiveCore

/// A kept unit's calendar events stay the bytes of the last manifest until asked for (`UnitEvents`).
/// What a build asks of them, the copies of the events it rendered again, must be what decoding
/// them all and filtering gives, or an event's SEQUENCE would go wrong.
@Suite("Unit events read when asked for")
struct UnitEventsTests {
    static func read(_ json: String) throws -> [String: UnitEvents] {
        let manifest = try #require(Manifest.decodeJSONKeepingBytes(Data(json.utf8))).manifest
        return try #require(manifest.units).mapValues(\.eventStore)
    }

    static func unit(_ events: String) -> String {
        #"{"format":1,"files":{},"inputs":{},"guides":{},"units":{"u":{"events":\#(events),"files":{},"key":"k"}}}"#
    }

    @Test func copiesAreTheFilteredEventsWhateverTheBytes() throws {
        let objects = [
            #"{"a@x":["d1"],"a@x1":["d2","d3"],"b@x":[]}"#,
            #"{"a@x1":["a@x"]}"#,                               // a UID that only a digest spells
            #"{"\u0061@x":["d1"],"b\/c":["d2"]}"#,              // escapes: read as text
            #"{"é@x":["d1"],"e\u0301@y":["d2"]}"#,              // other scripts, both normal forms
            #"{"a@x":["d1"],"a@x":["d9"]}"#,                    // a repeated UID: the first counts, as decoded
            "{}", "null",
        ]
        let wanted: [Set<String>] = [[], ["a@x"], ["a@x1"], ["a@x", "b@x"], ["zz"], ["b/c"], ["é@x"], ["e\u{301}@x"],
                                     ["é@y"], ["\"a@x\""], ["a"]]
        for object in objects {
            let events = try #require(try Self.read(Self.unit(object))["u"])
            let all = events.value
            for uids in wanted {
                #expect(events.copies(among: uids) == (all ?? [:]).filter { uids.contains($0.key) }, "\(object) \(uids)")
            }
        }
    }

    @Test func aManifestReadBackHasEveryUnitsEvents() throws {
        var m = Manifest()
        m.units = [
            "comms-plan": .init(key: "k1", files: ["comms-calendar.ics": 10],
                                events: Dictionary(uniqueKeysWithValues: (1...300).map { ("orion-eve-aud-\($0)@golive", [String($0, radix: 16)]) })),
            "training/aud-1": .init(key: "k2", files: ["aud-1/training.ics": 3], events: ["s-1@golive": ["d", "e"]], warnings: []),
            "guides/aud-1": .init(key: "k3", files: ["aud-1/guide.md": 5]),
        ]
        let read = try #require(Manifest.decodeJSONKeepingBytes(m.encodeJSON()))
        #expect(read.manifest == m)
        for (name, record) in m.units! {
            #expect(read.manifest.units?[name]?.events == record.events)
            #expect(read.manifest.units?[name]?.eventStore.copies(among: ["orion-eve-aud-30@golive", "s-1@golive", "orion-eve-aud-3"])
                    == (record.events ?? [:]).filter { ["orion-eve-aud-30@golive", "s-1@golive"].contains($0.key) })
        }
        // Written again from what was read, without the last bytes to copy: the same bytes.
        #expect(read.manifest.encodeJSON() == m.encodeJSON())
    }

    @Test func malformedEventsStillMakeTheManifestUnreadable() {
        for object in [#"{"x":"y"}"#, #"{"x":["y",1]}"#, #"{"x":["y"]"#, #"{"x":["\q"]}"#, #"["x"]"#, "{\"x\":[\"\u{01}\"]}"] {
            #expect(Manifest.decodeJSON(Data(Self.unit(object).utf8)) == nil, "\(object)")
        }
    }
}
