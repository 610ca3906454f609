import DistillCore
import Foundation
import Notebook

/// Networks stored as `.safetensors` files with PyTorch's names (`fc1.weight` [out, in],
/// `fc1.bias`, …), inside the project.
enum WeightsFile {
    static func load(_ path: String, activation: Activation, in projectDirectory: URL) throws -> MLP<Float> {
        let bytes = try ProjectPath.read(path, in: projectDirectory)
        do {
            return try MLP(stateDict: SafeTensors.decode(bytes, fileName: path), activation: activation, fileName: path)
        } catch let error as DataFileError {
            throw error.diagnostic
        }
    }
}
