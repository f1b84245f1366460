/// A generated project the size of a large bank, for `golive bench`: N audiences over W waves,
/// every kind of communication, three training modules with enough trainers and rooms to fit,
/// a 30-section guide and feedback. The same seed always gives the same files.
public enum SyntheticProject {
    static let sites = ["Paris", "Lyon", "Lille", "Nantes", "Bordeaux", "Marseille", "Toulouse", "Strasbourg", "Rennes", "Nice"]

    public static func files(audiences: Int, waves: Int, seed: UInt64) -> [String: String] {
        var random = TrainingRandom(seed: seed)
        let waveCount = max(1, waves)
        let first = CivilDate(year: 2027, month: 4, day: 6)!
        var files: [String: String] = [:]

        var plan = """
        project:
          name: "Orion — plateforme de gestion des dossiers"
          code: ORION
          organisation: "Direction des opérations"
          sponsor: { name: "Anne Durand", role: "Directrice des opérations" }
          summary: "Orion remplace **trois outils** par un seul poste de travail. Détails sur [l'intranet](https://intranet.example.org/orion)."
          benefits: ["Une vue unique du dossier", "Moins de ressaisies", "Des relances automatiques"]
          languages: [fr, en]
          timezone: Europe/Paris
        decision: { status: go, date: 2027-03-01, by: "Comité Go/No-Go", conditions: ["Correctif ORN-12 livré"] }
        deployment:
          mode: \(waveCount == 1 ? "global" : "progressive")
          window: { start: "20:00", end: "06:00" }
          waves:

        """
        for w in 0..<waveCount {
            // Waves a fortnight apart on Tuesdays keep training windows from piling up.
            let date = first.adding(days: 14 * w)
            plan += "    - { id: wave-\(w + 1), name: \"Vague \(w + 1)\", date: \(date), scope: [\"Lot \(w + 1)\"] }\n"
        }
        plan += """
        roles:
          - { id: pmo, name: "PMO", person: { name: "Paul Martin", email: "pmo@example.org", phone: "+33 1 00 00 00 01" } }
          - { id: it-ops, name: "Exploitation", person: { name: "Inès Roy", email: "ops@example.org" } }
          - { id: dev-lead, name: "Développement", person: { name: "Hugo Blanc", email: "dev@example.org" } }
        runbook:
          - { id: freeze, title: "Gel des saisies", owner: it-ops, start: "J-1 19:00", duration: 30m, rollback: "Rouvrir les saisies." }
          - { id: backup, title: "Sauvegarde", owner: it-ops, start: "J-1 19:30", duration: 1h, rollback: "Relancer la sauvegarde." }
          - { id: go-check, title: "Feu vert", owner: pmo, start: "J-1 20:30", duration: 15m, checkpoint: true }
          - { id: deploy, title: "Déploiement", owner: it-ops, start: "J-1 20:45", duration: 2h, rollback: "Restaurer la version précédente." }
          - { id: migrate, title: "Migration des données", owner: dev-lead, start: "J-1 22:45", duration: 3h, rollback: "Restaurer la sauvegarde." }
          - { id: final, title: "Go définitif", owner: pmo, start: "J 02:00", duration: 30m, checkpoint: true }
        fallback: { trigger: "Écart de données supérieur à 0,1 %", point_of_no_return: "J 03:00", decided_by: pmo, steps: ["Restaurer", "Prévenir"] }
        communications:
          - { id: teaser, template: announcement/teaser, at: J-30, audiences: all, channel: email, sender: "L'équipe Orion" }
          - { id: training, template: announcement/training, at: J-28, audiences: all, channel: email }
          - { id: reminder, template: announcement/reminder, at: J-7, audiences: { impact: [high, medium] }, channel: email }
          - { id: eve, template: announcement/eve, at: "J-1 16:00", audiences: all, channel: email }
          - { id: golive, template: announcement/golive, at: "J 08:00", audiences: all, channel: teams }
          - { id: followup, template: announcement/followup, at: J+7, audiences: all, channel: email }
        training:
          modules:
            - { id: essentials, title: "Les essentiels", duration: 2h, format: classroom, capacity: 12 }
            - { id: advanced, title: "Fonctions avancées", duration: 1h30, format: remote, capacity: 15 }
            - { id: basics-online, title: "Premiers pas en ligne", duration: 45m, format: elearning }
          trainers:

        """
        for (s, site) in sites.enumerated() {
            for t in 0..<6 {
                plan += "    - { id: t-\(s)-\(t), name: \"Formateur \(site) \(t + 1)\", modules: [essentials\(t < 3 ? ", advanced" : "")], languages: [fr\(t == 0 ? ", en" : "")], sites: [\(site)] }\n"
            }
        }
        for r in 0..<30 {
            plan += "    - { id: t-remote-\(r), name: \"Formateur à distance \(r + 1)\", modules: [advanced], languages: [fr, en] }\n"
        }
        plan += "  rooms:\n"
        for (s, site) in sites.enumerated() {
            for r in 0..<6 { plan += "    - { id: room-\(s)-\(r), site: \(site), capacity: 14 }\n" }
        }
        plan += """
          calendar: { working_days: [mon, tue, wed, thu, fri], hours: { start: "09:00", end: "17:30" }, holidays: [2027-05-01] }
          window: { from: J-21, to: J-2 }
        post_golive:
          checks:
            - { id: login, title: "Connexion de chaque profil", owner: it-ops, at: "J 07:00" }
            - { id: flows, title: "Flux de paiement", owner: dev-lead, at: "J 09:00" }
          daily_meeting: { time: "09:30", duration: 30m, from: J+1, to: J+10, participants: [pmo, dev-lead], where: "Teams — Orion" }
          hypercare: { until: J+15, contact: "hypercare@example.org", exit_criteria: ["Aucune anomalie bloquante ouverte"] }
        support:
          teams:
            - { id: n1, name: "Centre de services", scope: "Accès, mots de passe", contact: "4000" }
            - { id: n2, name: "Support applicatif", scope: "Anomalies", contact: "support@example.org" }
          handover:
            date: J+20
            meetings: [{ title: "Passation au support", at: "J+18 14:00", duration: 1h, with: [n1, pmo] }]
            documents: ["Runbook", "Anomalies connues"]
        guides:
          - { id: user-guide, title: "Guide utilisateur Orion", source: guides/user-guide.md, version: "1.0" }

        """
        files["plan.yaml"] = plan

        let impacts = ["high", "medium", "low"]
        for a in 0..<audiences {
            let id = "aud-\(a + 1)"
            let wave = a % waveCount + 1
            let site = sites[random.int(in: 0...(sites.count - 1))]
            let headcount = random.int(in: 10...60)
            let english = a % 10 == 9
            let relays = (headcount + 19) / 20
            var text = """
            id: \(id)
            name: "Population \(a + 1) — \(site)"
            language: \(english ? "en" : "fr")
            headcount: \(headcount)
            impact: \(impacts[a % 3])
            wave: wave-\(wave)
            sites: [\(site)]
            modules: [essentials\(a % 2 == 0 ? ", advanced" : ""), basics-online]
            channels: [email, teams]
            mailing_list: "\(id)@example.org"
            relays:

            """
            for r in 0..<relays { text += "  - { name: \"Relais \(r + 1)\", role: \"Manager\", email: \"relais-\(a)-\(r)@example.org\" }\n" }
            text += """
            changes: ["Un **seul écran** pour le dossier", "Les relances partent depuis le dossier"]
            actions: ["Suivre la formation avant J-2", "Lire le guide"]
            unchanged: ["Votre portefeuille", "Vos horaires"]
            faq:
              - { q: "Où trouver le guide ?", a: "Sur [l'intranet](https://intranet.example.org/orion)." }

            """
            files["audiences/\(id).yaml"] = text
        }

        var guide = "# Guide utilisateur Orion\n\nCe guide accompagne la prise en main d'Orion.\n\n"
        for s in 1...30 {
            if s % 10 == 0 { guide += "<!-- golive: modules=advanced -->\n" }
            guide += "## Section \(s)\n\n"
            for step in 1...4 { guide += "\(step). Étape \(step) de la section \(s) : cliquez sur **Valider**.\n" }
            guide += "\nUne phrase d'explication avec un [lien](https://intranet.example.org/orion/\(s)).\n\n"
        }
        files["guides/user-guide.md"] = guide
        files["feedback/first-week.yaml"] = feedback(count: 20, audiences: audiences)
        return files
    }

    /// One more entry, from one audience about one section: what a rebuild after feedback typically handles.
    public static func oneMoreFeedback(audience: String, id: String = "fb-new") -> String {
        """
        - id: \(id)
          date: 2027-04-09
          audience: \(audience)
          guide: user-guide
          section: "Section 7"
          kind: question
          text: "Comment retrouver un dossier archivé ?"
          answer: "Cochez **Inclure les archives** dans la recherche."
          status: resolved

        """
    }

    /// Feedback entries.
    public static func feedback(count: Int, audiences: Int) -> String {
        let kinds = ["question", "issue", "tip"]
        let statuses = ["open", "workaround", "resolved"]
        var text = ""
        for f in 0..<count {
            text += """
            - id: fb-\(f + 1)
              date: 2027-04-0\(7 + f % 3)
              audience: \(f % 4 == 0 ? "all" : "aud-\(f % max(audiences, 1) + 1)")
              guide: user-guide
              section: "Section \(f % 30 + 1)"
              kind: \(kinds[f % 3])
              text: "Retour numéro \(f + 1) sur la section \(f % 30 + 1)."
              answer: "Réponse au retour \(f + 1)."
              status: \(statuses[f % 3])

            """
        }
        return text
    }
}
