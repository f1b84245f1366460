/// `out/training/schedule.csv`: one row per session, e-learning included (no date, time,
/// room or trainer), ids in the id columns, dates `YYYY-MM-DD`, times `HH:MM` local time.
enum TrainingScheduleCSV {
    static let header = ["date", "start", "end", "module", "format", "site", "room", "trainer", "audience", "seats"]

    static func render(_ book: TrainingBook) -> String {
        CSVWriter.render(header: header, rows: book.sessions.map(row))
    }

    static func row(_ s: ScheduledSession) -> [String] {
        [s.date?.description ?? "", s.start?.description ?? "", s.end?.description ?? "", s.moduleID,
         s.format.rawValue, s.site, s.roomID ?? "", s.trainerID ?? "", s.audienceID, "\(s.seats)"]
    }
}
