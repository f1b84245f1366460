/// `out/training/schedule.csv`: one row per session, e-learning included (no date, time,
/// room or trainer), ids in the id columns, dates `YYYY-MM-DD`, times `HH:MM` local time.
///
/// Written without a byte-order mark: the contract is that the file's first bytes are exactly
/// the header line, so tools that compare or split on it (`head -1`, `cut`, pandas without
/// `utf-8-sig`, import scripts) see `date` and not `\u{FEFF}date` as the first column name.
/// Nearly every cell is an id, an ISO date or a number; only a site name may hold accents,
/// which Excel shows right when the file is opened through Data > From Text/CSV in UTF-8.
enum TrainingScheduleCSV {
    static let header = ["date", "start", "end", "module", "format", "site", "room", "trainer", "audience", "seats"]

    static func render(_ book: TrainingBook) -> String {
        CSVWriter.render(header: header, rows: book.sessions.map(row), bom: false)
    }

    static func row(_ s: ScheduledSession) -> [String] {
        [s.date?.description ?? "", s.start?.description ?? "", s.end?.description ?? "", s.moduleID,
         s.format.rawValue, s.site, s.roomID ?? "", s.trainerID ?? "", s.audienceID, "\(s.seats)"]
    }
}
