/// What a timeline picture shows: lanes of bars and points on a time axis, with
/// shaded periods behind and vertical markers across every lane.
/// Everything is in the plan's local wall-clock time.
public struct Timeline: Sendable {
    /// `hours` for a cutover night, `days` for a whole campaign.
    public enum Scale: Sendable { case hours, days }

    public var title: String
    /// Axis labels (day names, hours) and the legend are written in this language.
    public var language: Language
    public var scale: Scale
    /// Axis range. An empty or reversed range is widened to one hour / one day.
    public var start: LocalMoment
    public var end: LocalMoment
    public var lanes: [TimelineLane]
    /// Drawn behind the lanes, e.g. the cutover window or weekends.
    public var shaded: [TimelineSpan]
    /// Vertical lines across all lanes, e.g. go-live or the point of no return.
    public var markers: [TimelineMarker]

    public init(title: String, language: Language, scale: Scale, start: LocalMoment, end: LocalMoment,
                lanes: [TimelineLane] = [], shaded: [TimelineSpan] = [], markers: [TimelineMarker] = []) {
        self.title = title
        self.language = language
        self.scale = scale
        self.start = start
        self.end = end
        self.lanes = lanes
        self.shaded = shaded
        self.markers = markers
    }
}
