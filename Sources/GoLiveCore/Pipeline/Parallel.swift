import Foundation

/// Runs independent pieces of work on several threads. Results come back in input order, whatever
/// the interleaving, so what a stage produces is byte-identical with one core or many.
enum Parallel {
    static func map<Item: Sendable, Result: Sendable>(_ items: [Item], threads: Int,
                                                     _ body: @Sendable (Item) -> Result) -> [Result] {
        guard threads > 1, items.count > 1 else { return items.map(body) }
        let slots = Slots<Result>(count: items.count)
        // Items are handed out one at a time, so a long one does not hold the others back.
        DispatchQueue.concurrentPerform(iterations: min(threads, items.count)) { _ in
            while let index = slots.next() { slots.put(body(items[index]), at: index) }
        }
        return slots.collected()
    }

    /// Each item writes only its own slot; the lock makes those writes visible to the collecting thread.
    private final class Slots<Result>: @unchecked Sendable {
        private let lock = NSLock()
        private var results: [Result?]
        private var taken = 0

        init(count: Int) { results = Array(repeating: nil, count: count) }

        func next() -> Int? {
            lock.lock()
            defer { lock.unlock() }
            guard taken < results.count else { return nil }
            taken += 1
            return taken - 1
        }

        func put(_ result: Result, at index: Int) {
            lock.lock()
            results[index] = result
            lock.unlock()
        }

        func collected() -> [Result] {
            lock.lock()
            defer { lock.unlock() }
            return results.map { $0! }
        }
    }
}

/// A value computed on another thread from now on, while the caller goes on; `value` waits for it.
final class Background<Value: Sendable>: @unchecked Sendable {
    private let ready = DispatchSemaphore(value: 0)
    // Written once, before `ready` is signalled; read only after waiting on it.
    private var result: Value?

    init(_ work: @escaping @Sendable () -> Value) {
        DispatchQueue.global().async { [self] in
            result = work()
            ready.signal()
        }
    }

    var value: Value {
        ready.wait()
        ready.signal()   // for the next reader
        return result!
    }
}
