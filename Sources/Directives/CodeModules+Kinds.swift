import Notebook

extension CodeModules {
    /// What every kind runs: the option handling of the notebook engine, this vocabulary, and
    /// the training core with its kernels (data, networks, metrics).
    static let computing = CodeModules(compute: ["Notebook", "Directives", "DistillCore", "CMatrixKernels"])
    /// A kind that draws figures runs the chart code too, only to draw them.
    static let drawing = CodeModules(compute: computing.compute, render: ["Charts"])
}
