import Testing
@testable import DistillCore

/// Analytic gradients against central finite differences, all in Double.
@Suite struct GradientCheckTests {
    /// Central difference (f(x+h) − f(x−h)) / 2h of `f` with respect to each entry of `x`.
    func numericalGradient(_ x: [Double], step: Double = 1e-6, _ f: ([Double]) -> Double) -> [Double] {
        x.indices.map { i in
            var plus = x, minus = x
            plus[i] += step
            minus[i] -= step
            return (f(plus) - f(minus)) / (2 * step)
        }
    }

    func randomValues(_ count: Int, seed: UInt64, scale: Double = 1) -> [Double] {
        var generator = SeededGenerator(seed: seed)
        return (0..<count).map { _ in Double(generator.nextFloat(in: -1, 1)) * scale }
    }

    @Test(arguments: [0.5, 1, 2, 5, 20] as [Double], [0, 0.5, 0.9, 1] as [Double])
    func distillationLossGradient(temperature: Double, alpha: Double) {
        let loss = DistillationLoss<Double>(temperature: temperature, alpha: alpha)
        let teacher = Matrix<Double>(rows: 3, columns: 4, values: randomValues(12, seed: 1, scale: 4))
        let student = Matrix<Double>(rows: 3, columns: 4, values: randomValues(12, seed: 2, scale: 4))
        let labels = [0, 3, 1]
        let analytic = loss.lossAndGradient(student: student, teacher: teacher, labels: labels).gradient.values
        let numeric = numericalGradient(student.values) { values in
            loss.lossAndGradient(student: Matrix(rows: 3, columns: 4, values: values), teacher: teacher, labels: labels).value.total
        }
        #expect(isApproximatelyEqual(analytic, numeric, absolute: 1e-8, relative: 1e-6))
    }

    @Test func crossEntropyGradient() {
        let logits = Matrix<Double>(rows: 4, columns: 3, values: randomValues(12, seed: 3, scale: 5))
        let labels = [2, 0, 1, 1]
        let analytic = CrossEntropy.lossAndGradient(logits: logits, labels: labels).gradient.values
        let numeric = numericalGradient(logits.values) {
            CrossEntropy.loss(logits: Matrix(rows: 4, columns: 3, values: $0), labels: labels)
        }
        #expect(isApproximatelyEqual(analytic, numeric, absolute: 1e-9, relative: 1e-6))
    }

    /// T² keeps the soft gradient's size independent of T: without it, it shrinks like 1/T².
    @Test func temperatureSquaredKeepsTheSoftGradientScale() {
        func softGradientNorm(_ t: Double) -> Double {
            let loss = DistillationLoss<Double>(temperature: t, alpha: 1)
            let g = loss.lossAndGradient(student: Reference.student, teacher: Reference.teacher, labels: Reference.labels).gradient
            return g.values.reduce(0) { $0 + $1 * $1 }.squareRoot()
        }
        let ratio = softGradientNorm(100) / softGradientNorm(200)
        #expect(isApproximatelyEqual(ratio, 1, absolute: 0.01))
        // Without the T² factor the ratio would be 200² / 100² = 4.
    }

    /// Hinton et al.: for large T and zero-mean logits, T²·∂KL/∂z_i → (z_i − v_i)/C (per example).
    @Test func highTemperatureLimitIsLogitMatching() {
        let teacher = Matrix<Double>(rows: 1, columns: 4, values: [1.5, -0.5, 0.25, -1.25])    // mean 0
        let student = Matrix<Double>(rows: 1, columns: 4, values: [-0.3, 0.9, 0.1, -0.7])      // mean 0
        let loss = DistillationLoss<Double>(temperature: 10_000, alpha: 1)  // the error shrinks like 1/T
        let gradient = loss.lossAndGradient(student: student, teacher: teacher, labels: [0]).gradient.values
        let logitMatching = zip(student.values, teacher.values).map { ($0 - $1) / 4 }
        #expect(isApproximatelyEqual(gradient, logitMatching, absolute: 2e-5, relative: 0))
    }

    /// The gradient of an MLP's parameters under CE, through every layer kind.
    @Test(arguments: [Activation.relu, .tanh], [Float(0), 0.3])
    func networkGradient(activation: Activation, dropout: Float) {
        let architecture = MLPArchitecture(inputs: 3, hidden: [5, 4], outputs: 3, activation: activation)
        var generator = SeededGenerator(seed: 11)
        let model = MLP<Double>(architecture, generator: &generator)
        let x = Matrix<Double>(rows: 6, columns: 3, values: randomValues(18, seed: 12, scale: 2))
        let labels = [0, 1, 2, 2, 1, 0]
        let workspace = Workspace<Double>(architecture, capacity: 6)
        let mask = dropout > 0 ? Dropout(probability: dropout) : nil

        func lossAndGradient(_ parameters: [Double]) -> (Double, [Double]) {
            let network = MLP<Double>(architecture, parameters: parameters)
            workspace.loadRows(of: x, 0..<6)
            var masks = SeededGenerator(seed: 99)  // the same dropout mask at every evaluation
            network.forward(workspace, batch: 6, dropout: mask, generator: &masks)
            let loss = CrossEntropy.evaluate(logits: workspace.logits, labels: labels, classes: 3, gradient: workspace.logitGradient)
            network.backward(workspace, batch: 6, dropout: mask)
            return (loss, Array(UnsafeBufferPointer(start: workspace.gradients, count: parameters.count)))
        }
        let analytic = lossAndGradient(model.parameters).1
        let numeric = numericalGradient(model.parameters) { lossAndGradient($0).0 }
        #expect(isApproximatelyEqual(analytic, numeric, absolute: 1e-8, relative: 1e-5))
    }

    /// A single linear layer (no hidden layers) under a fixed linear loss Σ R ⊙ y.
    @Test func linearLayerGradient() {
        let architecture = MLPArchitecture(inputs: 4, hidden: [], outputs: 3)
        var generator = SeededGenerator(seed: 5)
        let model = MLP<Double>(architecture, generator: &generator)
        let x = Matrix<Double>(rows: 2, columns: 4, values: randomValues(8, seed: 6))
        let r = randomValues(6, seed: 7)
        let workspace = Workspace<Double>(architecture, capacity: 2)
        var unused = SeededGenerator(seed: 0)
        workspace.loadRows(of: x, 0..<2)
        model.forward(workspace, batch: 2, dropout: nil, generator: &unused)
        for i in 0..<6 { workspace.logitGradient[i] = r[i] }
        model.backward(workspace, batch: 2, dropout: nil)
        let analytic = Array(UnsafeBufferPointer(start: workspace.gradients, count: model.parameters.count))
        let numeric = numericalGradient(model.parameters) { parameters in
            let y = MLP<Double>(architecture, parameters: parameters).logits(x)
            return zip(y.values, r).reduce(0) { $0 + $1.0 * $1.1 }
        }
        #expect(isApproximatelyEqual(analytic, numeric, absolute: 1e-9, relative: 1e-6))
    }
}
