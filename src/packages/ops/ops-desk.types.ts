export interface OpsDeskProps {
  /** the session is there: ask the database whether this is an operator */
  enabled: boolean;
}
