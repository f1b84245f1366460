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

    /// `count` items cut into `parts` contiguous ranges, in order (fewer when there are few items):
    /// for work shared out in slices that each keep state of their own.
    static func slices(_ count: Int, _ parts: Int) -> [Range<Int>] {
        let size = max(1, (count + max(parts, 1) - 1) / max(parts, 1))
        return stride(from: 0, to: count, by: size).map { $0..<min($0 + size, count) }
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

/// A value handed to other threads that only read it, or write parts of it no other thread touches,
/// while the handing thread waits for them: pointers into memory the caller keeps alive.
struct Unchecked<Value>: @unchecked Sendable {
    let value: Value
    init(_ value: Value) { self.value = value }
}

/// A value computed on another thread from now on, while the caller goes on; `value` waits for it.
final class Background<Value: Sendable>: @unchecked Sendable {
    private let ready = DispatchSemaphore(value: 0)
    // Written once, before `ready` is signalled; read only after waiting on it.
    private var result: Value?

    /// On a thread of its own, not Dispatch's pool: the pool has as many threads as cores, and a
    /// background value that waits for another, or simply runs long, would leave `Parallel.map`
    /// without the threads it counts on.
    init(_ work: @escaping @Sendable () -> Value) {
        let thread = Thread { [self] in
            result = work()
            ready.signal()
        }
        thread.stackSize = 8 << 20
        thread.start()
    }

    var value: Value {
        ready.wait()
        ready.signal()   // for the next reader
        return result!
    }
}

/// A value computed by whichever thread first needs it, once; the others wait for it. For what only
/// some render units need (a rebuild that renders none of them never computes it).
final class Shared<Value: Sendable>: @unchecked Sendable {
    private let lock = NSLock()
    private var work: (@Sendable () -> Value)?
    // Read and written under `lock`.
    private var result: Value?

    init(_ work: @escaping @Sendable () -> Value) { self.work = work }

    var value: Value {
        lock.lock()
        defer { lock.unlock() }
        if let result { return result }
        let value = work!()
        result = value
        work = nil
        return value
    }
}
