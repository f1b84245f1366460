/// A plan's sends or sessions looked up by audience, in their original order. Only positions are
/// grouped: a rebuild looks up the one or two audiences it renders again, and copying every send of a
/// thousand audiences into per-audience arrays (each copy retaining its strings) was most of grouping them.
public struct ByAudience<Element: Sendable>: Sendable {
    private let elements: [Element]
    private let positions: [String: [Int]]

    init(_ elements: [Element], by audienceID: (Element) -> String) {
        var positions: [String: [Int]] = [:]
        for index in elements.indices { positions[audienceID(elements[index]), default: []].append(index) }
        (self.elements, self.positions) = (elements, positions)
    }

    /// The audience's elements in their original order, nil when it has none.
    public subscript(audienceID: String) -> [Element]? {
        positions[audienceID].map { $0.map { elements[$0] } }
    }
}
