import Notebook

/// Every directive kind of the distillation vocabulary. A new kind is one file and one line here.
public let distilleryDirectives = DirectiveRegistry([
    TrainDirective.self,
    DistillDirective.self,
    PlotDirective.self,
])
