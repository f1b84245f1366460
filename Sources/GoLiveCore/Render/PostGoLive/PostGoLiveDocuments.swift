/// `out/post-golive/<wave>.md|html` and `<wave>-daily-meetings.ics`, when the plan has `post_golive`.
struct PostGoLiveDocuments {
    let plan: Plan
    let pages: PageRenderer

    func render(_ d: inout Diagnostics) -> [OutputFile] {
        guard let post = plan.postGoLive else { return [] }
        var files: [OutputFile] = []
        for wave in plan.deployment.waves {
            files += pages.render(PostGoLivePage(plan: plan, post: post, wave: wave).page(), &d)
            // No working day in the meeting's range: no calendar (RFC 5545 wants an event), no link.
            if let meeting = post.dailyMeeting,
               !MeetingDays.dates(meeting, j: wave.date, calendar: MeetingDays.calendar(of: plan)).isEmpty {
                files.append(OutputFile(path: "post-golive/\(wave.id)-daily-meetings.ics",
                                        text: DailyMeetingsICS.render(plan, meeting: meeting, wave: wave)))
            }
        }
        return files
    }
}
