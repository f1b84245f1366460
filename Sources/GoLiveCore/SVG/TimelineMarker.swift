/// A single moment: across all lanes when in `Timeline.markers`, or a point in one
/// lane when in `TimelineLane.points`. Each kind has its own shape and line style.
public struct TimelineMarker: Sendable {
    public enum Kind: Sendable, CaseIterable { case checkpoint, pointOfNoReturn, goLive, send, handover, other }

    public var label: String
    public var at: LocalMoment
    public var kind: Kind

    public init(label: String, at: LocalMoment, kind: Kind) {
        self.label = label
        self.at = at
        self.kind = kind
    }
}
