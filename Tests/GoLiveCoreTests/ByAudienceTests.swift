import Testing
@testable import GoLiveCore

/// Kits, invitations and message pages list their audience's sends, sessions and messages from
/// `ByAudience`: each audience's in the plan's order, and none of another's.
@Suite("Grouping by audience")
struct ByAudienceTests {
    @Test func eachAudienceGetsItsOwnInTheirOrder() {
        let items = [("b", 1), ("a", 2), ("b", 3), ("c", 4), ("b", 5), ("a", 6)]
        let grouped = ByAudience(items.map { Pair(audience: $0.0, value: $0.1) }, by: \.audience)
        #expect(grouped["a"]?.map(\.value) == [2, 6])
        #expect(grouped["b"]?.map(\.value) == [1, 3, 5])
        #expect(grouped["c"]?.map(\.value) == [4])
        #expect(grouped["d"] == nil)
        #expect(ByAudience([Pair](), by: \.audience)["a"] == nil)
    }

    struct Pair: Sendable, Equatable {
        let audience: String
        let value: Int
    }
}
