// The test silos share one in-memory store (the silo's DI cannot take an instance per test class), and the
// durability tests switch that store into an outage: test classes must not run side by side.
[assembly: CollectionBehavior(DisableTestParallelization = true)]
