"""Pure extraction of what abstracts report: numbers (factors, percentages) and named things."""
