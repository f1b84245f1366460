/// One labelled row group of a timeline (a wave, a population, the runbook).
public struct TimelineLane: Sendable {
    public var label: String
    public var bars: [TimelineBar]
    /// Single moments in this lane only, e.g. communication sends or checkpoints.
    public var points: [TimelineMarker]

    public init(label: String, bars: [TimelineBar] = [], points: [TimelineMarker] = []) {
        self.label = label
        self.bars = bars
        self.points = points
    }
}
