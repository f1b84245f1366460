/// One session of one module for one audience. E-learning sessions have no date, time,
/// room or trainer: they stand for the whole audience following the module on its own.
public struct ScheduledSession: Sendable, Hashable {
    public var audienceID: String
    public var moduleID: String
    public var format: TrainingFormat
    public var site: String
    public var date: CivilDate?
    public var start: TimeOfDay?
    public var end: TimeOfDay?
    public var roomID: String?
    public var trainerID: String?
    public var seats: Int
    /// Session `number` of `of` for this audience and module (1-based).
    public var number: Int
    public var of: Int

    public init(audienceID: String, moduleID: String, format: TrainingFormat, site: String,
                date: CivilDate?, start: TimeOfDay?, end: TimeOfDay?, roomID: String?,
                trainerID: String?, seats: Int, number: Int, of: Int) {
        self.audienceID = audienceID
        self.moduleID = moduleID
        self.format = format
        self.site = site
        self.date = date
        self.start = start
        self.end = end
        self.roomID = roomID
        self.trainerID = trainerID
        self.seats = seats
        self.number = number
        self.of = of
    }
}
