import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Resolves a host name and tells loopback and private addresses (which a client that
/// connects from its vendor's cloud cannot reach) from public ones.
enum NetworkAddress {
    /// What looking a host up gave.
    enum Lookup: Sendable, Equatable {
        case addresses([String])
        case notFound
        case timedOut
    }

    /// Looks the host up on a thread of its own (`getaddrinfo` blocks and cannot be cancelled),
    /// giving up after `seconds`.
    static func lookUp(_ host: String, within seconds: Double) async -> Lookup {
        let answer = OneShot<Lookup>()
        Thread.detachNewThread {
            let addresses = resolve(host)
            answer.deliver(addresses.map { $0.isEmpty ? .notFound : .addresses($0) } ?? .notFound)
        }
        Thread.detachNewThread {
            Thread.sleep(forTimeInterval: seconds)
            answer.deliver(.timedOut)
        }
        return await answer.value()
    }

    /// The host's addresses, as text, or `nil` when it does not resolve.
    static func resolve(_ host: String) -> [String]? {
        var hints = addrinfo()
        hints.ai_socktype = Int32(SOCK_STREAM.rawValue)
        var result: UnsafeMutablePointer<addrinfo>?
        guard getaddrinfo(host, nil, &hints, &result) == 0, let first = result else { return nil }
        defer { freeaddrinfo(first) }
        var addresses: [String] = []
        var node: UnsafeMutablePointer<addrinfo>? = first
        while let current = node {
            var buffer = [CChar](repeating: 0, count: Int(NI_MAXHOST))
            if getnameinfo(current.pointee.ai_addr, current.pointee.ai_addrlen, &buffer, socklen_t(buffer.count), nil, 0, NI_NUMERICHOST) == 0 {
                let text = String(decoding: buffer.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
                if !addresses.contains(text) { addresses.append(text) }
            }
            node = current.pointee.ai_next
        }
        return addresses
    }

    /// Whether an address is loopback, link-local or private (RFC 1918, RFC 4193).
    static func isPrivate(_ address: String) -> Bool {
        let lower = address.lowercased()
        if lower == "::1" || lower.hasPrefix("fe80:") || lower.hasPrefix("fc") || lower.hasPrefix("fd") { return true }
        let octets = address.split(separator: ".").compactMap { Int($0) }
        guard octets.count == 4 else { return false }
        switch (octets[0], octets[1]) {
        case (127, _), (10, _), (192, 168), (169, 254), (0, _): return true
        case (172, let second): return (16...31).contains(second)
        case (100, let second): return (64...127).contains(second)
        default: return false
        }
    }
}

/// A value delivered once, by whichever of several producers comes first, to one waiter.
final class OneShot<Value: Sendable>: @unchecked Sendable {
    private let lock = NSLock()
    private var delivered: Value?
    private var waiter: CheckedContinuation<Value, Never>?

    func deliver(_ value: Value) {
        lock.lock()
        guard delivered == nil else { lock.unlock(); return }
        delivered = value
        let waiting = waiter
        waiter = nil
        lock.unlock()
        waiting?.resume(returning: value)
    }

    func value() async -> Value {
        await withCheckedContinuation { continuation in
            lock.lock()
            if let delivered {
                lock.unlock()
                continuation.resume(returning: delivered)
            } else {
                waiter = continuation
                lock.unlock()
            }
        }
    }
}
