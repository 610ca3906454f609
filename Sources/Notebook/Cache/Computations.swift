import Digest
import Foundation

/// One directive's cached computations, and how many it had to do.
final class Computations: @unchecked Sendable {
    private let store: CacheStore
    private let computeKey: String
    private let owner: String
    private let lock = NSLock()
    private var computed = 0

    init(store: CacheStore, computeKey: String, owner: String) {
        self.store = store
        self.computeKey = computeKey
        self.owner = owner
    }

    /// How many computations were not in the cache.
    var count: Int {
        lock.lock(); defer { lock.unlock() }
        return computed
    }

    func memo<T>(_ label: String, encode: (T) -> [UInt8], decode: ([UInt8]) throws -> T, compute: () throws -> T) throws -> T {
        var hasher = SHA256()
        hasher.update(field: computeKey)
        hasher.update(field: label)
        let key = hasher.finalize().hexString
        if case .hit(let bytes) = store.load(.computations, key: key, what: "\(owner) (\(label))"), let value = try? decode(bytes) {
            return value
        }
        let value = try compute()
        store.store(.computations, key: key, payload: encode(value))
        lock.lock(); computed += 1; lock.unlock()
        return value
    }
}
