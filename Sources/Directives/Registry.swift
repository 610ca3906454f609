import Notebook

/// Every directive kind of the distillation vocabulary. A new kind is one file and one line here.
public let distilleryDirectives = DirectiveRegistry([
    DatasetDirective.self,
    ModelDirective.self,
    TrainDirective.self,
    DistillDirective.self,
    SweepDirective.self,
    PlotDirective.self,
    TableDirective.self,
    ConfusionDirective.self,
    SoftmaxDirective.self,
    SoftTargetsDirective.self,
    HistogramDirective.self,
    ExportDirective.self,
])
