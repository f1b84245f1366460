/// The feedback one audience needs told back to it, across every guide: for the kit's FAQ and the
/// `announcement/followup` message ("you told us / we did"). Pure; entries stay in date then id order.
public enum FeedbackDigest {
    /// - answered: questions that have an answer (any status);
    /// - fixed: issues with status `resolved`;
    /// - open: issues still `open` or with a `workaround` (the answer holds the workaround).
    /// - tips: tips users shared (what the team took up is in their answer).
    /// Entries for `all` count for every audience.
    public static func `for`(audience: String, plan: Plan)
        -> (answered: [FeedbackEntry], fixed: [FeedbackEntry], open: [FeedbackEntry], tips: [FeedbackEntry]) {
        var answered: [FeedbackEntry] = []
        var fixed: [FeedbackEntry] = []
        var open: [FeedbackEntry] = []
        var tips: [FeedbackEntry] = []
        for entry in plan.feedback where GuideSelection.concerns(entry, audience) {
            switch entry.kind {
            case .question where entry.answer != nil: answered.append(entry)
            case .issue where entry.status == .resolved: fixed.append(entry)
            case .issue: open.append(entry)
            case .tip: tips.append(entry)
            default: break
            }
        }
        return (answered, fixed, open, tips)
    }
}
