/// Runs independent rendering jobs on `parallelism` threads, each with its own diagnostics.
enum RenderJobs {
    typealias Job = @Sendable (inout Diagnostics) -> [OutputFile]

    /// Each job's files and diagnostics, in job order.
    static func run(_ jobs: [Job], parallelism: Int) -> [(files: [OutputFile], diagnostics: Diagnostics)] {
        Parallel.map(jobs, threads: parallelism) { job in
            var d = Diagnostics()
            let files = job(&d)
            return (files, d)
        }
    }
}
