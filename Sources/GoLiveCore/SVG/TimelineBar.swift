/// A period in a lane: a runbook step, a training period, hypercare, a meeting.
/// Each kind has its own fill pattern so the picture reads in black and white.
public struct TimelineBar: Sendable {
    public enum Kind: Sendable, CaseIterable { case step, training, hypercare, meeting, other }

    public var label: String
    public var start: LocalMoment
    public var end: LocalMoment
    public var kind: Kind

    public init(label: String, start: LocalMoment, end: LocalMoment, kind: Kind) {
        self.label = label
        self.start = start
        self.end = end
        self.kind = kind
    }
}
