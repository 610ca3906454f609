/// How closely a student follows its teacher on the same inputs (Stanton et al. 2021): good
/// student accuracy does not imply good fidelity, so both are reported.
public struct TeacherAgreement: Sendable, Equatable {
    /// Fraction of examples where student and teacher predict the same class.
    public let top1Agreement: Double
    /// Mean KL(teacher ‖ student) of the T = 1 predictive distributions, in nats.
    public let meanKL: Double

    public init(student: Matrix<Float>, teacher: Matrix<Float>) {
        precondition(student.rows == teacher.rows && student.columns == teacher.columns, "same examples and classes")
        guard student.rows > 0 else {
            (top1Agreement, meanKL) = (0, 0)
            return
        }
        let same = zip(student.argmaxPerRow(), teacher.argmaxPerRow()).filter { $0 == $1 }.count
        top1Agreement = Double(same) / Double(student.rows)
        let logP = Softmax.logProbabilities(teacher)
        let logQ = Softmax.logProbabilities(student)
        var kl = 0.0
        for i in logP.values.indices {
            let p = Double(Float.exponential(logP.values[i]))
            if p > 0 { kl += p * Double(logP.values[i] - logQ.values[i]) }
        }
        meanKL = kl / Double(student.rows)
    }
}
