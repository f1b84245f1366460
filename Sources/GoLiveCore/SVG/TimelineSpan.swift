/// A labelled period shaded behind all lanes (the cutover window, a weekend).
public struct TimelineSpan: Sendable {
    public var label: String
    public var start: LocalMoment
    public var end: LocalMoment

    public init(label: String, start: LocalMoment, end: LocalMoment) {
        self.label = label
        self.start = start
        self.end = end
    }
}
