/// The days of the daily anomaly meeting: every working day from `from` to `to` of a wave,
/// on the training calendar's working days and holidays when the plan has one, else Monday to Friday.
public enum MeetingDays {
    public static func dates(_ meeting: PostGoLive.DailyMeeting, j: CivilDate, calendar: TrainingCalendar) -> [CivilDate] {
        let first = meeting.from.resolve(j: j), last = meeting.to.resolve(j: j)
        guard first <= last else { return [] }
        return (0...first.days(until: last)).map { first.adding(days: $0) }.filter(calendar.isWorkingDay)
    }

    public static func calendar(of plan: Plan) -> TrainingCalendar { plan.training?.calendar ?? .standard }
}
