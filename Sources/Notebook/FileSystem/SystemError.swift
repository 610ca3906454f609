import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The system's words for an `errno`, lower-case: "permission denied".
public enum SystemError {
    public static func reason(_ code: Int32) -> String {
        String(cString: strerror(code)).lowercased()
    }
}
