import Vapor
import Fluent
import Plot
public enum Placeholder2 {}
