/// Every training output, when the plan has a `training:` block and it fits:
/// `training/schedule.md|html|csv`, `<audience>/training.md|html|ics` and
/// `training/trainers/<trainer>.md|html|ics`. A calendar is written only when it has an event.
struct TrainingDocuments {
    let project: LoadedProject
    let planned: Planned
    let pages: PageRenderer
    var shard = Shard.whole

    func render(_ d: inout Diagnostics) -> [OutputFile] {
        guard let training = project.plan.training, let schedule = planned.training else { return [] }
        let book = TrainingBook(plan: project.plan, training: training, schedule: schedule)
        var files: [OutputFile] = []
        if shard.isFirst {
            files += pages.render(TrainingSchedulePage(book: book).page(), &d)
            files.append(OutputFile(path: "training/schedule.csv", text: TrainingScheduleCSV.render(book)))
        }
        for (index, audience) in book.trainedAudiences.enumerated() where shard.includes(index) {
            files += pages.render(TrainingAudiencePage(book: book, audience: audience).page(), &d)
            // RFC 5545 wants at least one component: an audience with e-learning only has no
            // calendar, and its page does not link one.
            if book.hasTimedSessions(audience) {
                files.append(OutputFile(path: "\(audience.id)/training.ics",
                                        text: TrainingICS(book: book).audience(audience)))
            }
        }
        for (index, trainer) in training.trainers.enumerated() where shard.includes(index) {
            files += pages.render(TrainingTrainerPage(book: book, trainer: trainer).page(), &d)
            if !book.sessions(of: trainer).isEmpty {
                files.append(OutputFile(path: "training/trainers/\(trainer.id).ics",
                                        text: TrainingICS(book: book).trainer(trainer)))
            }
        }
        return files
    }
}
