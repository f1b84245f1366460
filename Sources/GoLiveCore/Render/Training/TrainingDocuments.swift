/// Every training output, when the plan has a `training:` block and it fits:
/// `training/schedule.md|html|csv`, `<audience>/training.md|html|ics` and
/// `training/trainers/<trainer>.md|html|ics`. A calendar is written only when it has an event.
struct TrainingDocuments: Sendable {
    /// Made by the first training document that renders: a rebuild that keeps them all never needs it.
    private let shared: Shared<TrainingBook>
    var book: TrainingBook { shared.value }
    let pages: PageRenderer
    /// The audiences that follow at least one module, in the plan's order, and the trainers: one document each.
    let trainedAudiences: [Audience]
    let trainers: [Trainer]

    /// nil when the plan has no `training:` block or it does not fit.
    init?(plan: Plan, planned: Planned, pages: PageRenderer) {
        guard let training = plan.training, let schedule = planned.training else { return nil }
        shared = Shared { TrainingBook(plan: plan, training: training, schedule: schedule) }
        self.pages = pages
        trainedAudiences = plan.audiences.filter { !$0.modules.isEmpty }
        trainers = training.trainers
    }

    /// `training/schedule.md|html|csv`.
    func schedule(_ d: inout Diagnostics) -> [OutputFile] {
        pages.render(TrainingSchedulePage(book: book).page(), &d)
            + [OutputFile(path: "training/schedule.csv", text: TrainingScheduleCSV.render(book))]
    }

    /// `<audience>/training.md|html|ics`.
    func audience(_ audience: Audience, _ d: inout Diagnostics) -> [OutputFile] {
        var files = pages.render(TrainingAudiencePage(book: book, audience: audience).page(), &d)
        // RFC 5545 wants at least one component: an audience with e-learning only has no
        // calendar, and its page does not link one.
        if book.hasTimedSessions(audience) {
            files.append(OutputFile(path: "\(audience.id)/training.ics", text: TrainingICS(book: book).audience(audience)))
        }
        return files
    }

    /// `training/trainers/<trainer>.md|html|ics`.
    func trainer(_ trainer: Trainer, _ d: inout Diagnostics) -> [OutputFile] {
        var files = pages.render(TrainingTrainerPage(book: book, trainer: trainer).page(), &d)
        if !book.sessions(of: trainer).isEmpty {
            files.append(OutputFile(path: "training/trainers/\(trainer.id).ics", text: TrainingICS(book: book).trainer(trainer)))
        }
        return files
    }
}
