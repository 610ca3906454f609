import DistillCore
import Foundation
import Notebook

/// Networks stored as `.safetensors` files with PyTorch's names (`fc1.weight` [out, in],
/// `fc1.bias`, …), inside the project.
enum WeightsFile {
    static func load(_ path: String, activation: Activation, in files: ProjectFiles) throws -> MLP<Float> {
        let bytes = try files.bytes(of: path)
        do {
            return try MLP(stateDict: SafeTensors.decode(bytes, fileName: path), activation: activation, fileName: path)
        } catch let error as DataFileError {
            throw error.diagnostic
        }
    }
}
