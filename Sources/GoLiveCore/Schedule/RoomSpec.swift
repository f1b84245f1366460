/// A training room on a site, with the number of trainees it seats.
public struct RoomSpec: Sendable, Hashable {
    public var id: String
    public var site: String
    public var capacity: Int

    public init(id: String, site: String, capacity: Int) {
        self.id = id
        self.site = site
        self.capacity = capacity
    }
}
