export { NetworkDiagram, type NetworkDiagramProps } from "./network-diagram";
export { chooseDiagramKind, type DiagramKind } from "./layout";
