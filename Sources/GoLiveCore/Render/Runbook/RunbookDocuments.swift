/// `out/runbook/<wave>.md|html` for every wave, when the plan has a runbook; its checks
/// (steps past the window, point of no return, overlapping owners) become warnings.
struct RunbookDocuments {
    let plan: Plan
    let pages: PageRenderer

    func render(_ d: inout Diagnostics) -> [OutputFile] {
        guard !plan.runbook.isEmpty else { return [] }
        let zone = plan.project.timeZone
        CutoverChecks.run(plan, zone: zone, &d)
        return plan.deployment.waves.flatMap { wave in
            pages.render(RunbookPage(plan: plan, night: CutoverPlan(plan: plan, wave: wave, zone: zone)).page(), &d)
        }
    }
}
