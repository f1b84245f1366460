/// The cutover night and the communication plan.
extension PlanReader {
    mutating func readRunbook(_ plan: YAMLObject) -> [RunbookStep] {
        var seen: [String: SourceLocation] = [:]
        return plan.objects("runbook", itemName: "runbook step", &d).compactMap { o in
            o.checkKeys(["id", "title", "owner", "start", "duration", "checkpoint", "rollback"], &d)
            let id = o.id(kind: "runbook step", seen: &seen, &d)
            let title = o.string("title", required: true, &d)
            let owner = o.string("owner", &d)
            let start = o.moment("start", required: true, &d)
            let duration = o.duration("duration", required: true, &d)
            let checkpoint = o.bool("checkpoint", &d)?.value ?? false
            let rollback = o.string("rollback", &d)?.value
            guard let id, let title, let start, let duration else { return nil }
            return RunbookStep(id: id, title: title.value, owner: owner, start: start, durationMinutes: duration,
                               checkpoint: checkpoint, rollback: rollback, location: o.location)
        }
    }

    mutating func readFallback(_ o: YAMLObject) -> Fallback? {
        o.checkKeys(["trigger", "point_of_no_return", "decided_by", "steps"], &d)
        return Fallback(trigger: o.string("trigger", &d)?.value,
                        pointOfNoReturn: o.moment("point_of_no_return", &d),
                        decidedBy: o.string("decided_by", &d),
                        steps: o.strings("steps", &d).map(\.value), location: o.location)
    }

    mutating func readCommunications(_ plan: YAMLObject) -> [Communication] {
        var seen: [String: SourceLocation] = [:]
        return plan.objects("communications", itemName: "communication", &d).compactMap { o in
            o.checkKeys(["id", "template", "at", "audiences", "channel", "sender", "from"], &d)
            let id = o.id(kind: "communication", seen: &seen, &d)
            let template = o.string("template", required: true, &d)
            let at = o.moment("at", required: true, dayAlone: true, &d)
            let targets = readTargets(o)
            let channel = o.choice("channel", Communication.Channel.self, required: true, &d)
            let sender = o.string("sender", &d)?.value
            let from = o.string("from", &d)
            if let from, EmailAddress.parse(from.value) == nil {
                d.error(from.location, "'from' in \(o.context) must be an email address or \"Name <address>\", found '\(from.value)'")
            }
            guard let id, let template, let at, let targets, let channel else { return nil }
            return Communication(id: id, template: template, at: at, audiences: targets,
                                 channel: channel.value, sender: sender, from: from?.value, location: o.location)
        }
    }

    /// `all`, a list of audience ids, or `{ impact: [high, medium] }`.
    private mutating func readTargets(_ o: YAMLObject) -> Communication.Targets? {
        guard let value = o["audiences"] else {
            o.missing("audiences", &d)
            return nil
        }
        if let text = value.scalarText {
            guard text == "all" else {
                d.error(value.location, "'audiences' in \(o.context) must be 'all', a list of audience ids or { impact: [high, medium] }, found '\(text)'")
                return nil
            }
            return .all
        }
        if value.items != nil {
            return .ids(o.strings("audiences", &d))
        }
        guard let filter = YAMLObject(value, context: "'audiences' in \(o.context)", &d) else { return nil }
        filter.checkKeys(["impact"], &d)
        let levels = filter.strings("impact", required: true, &d)
            .compactMap { YAMLObject.choice($0, Audience.Impact.self, what: "impact", &d)?.value }
        guard !levels.isEmpty else { return nil }
        return .impact(Set(levels))
    }
}
