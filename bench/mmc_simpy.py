"""The same M/M/c queue as `rcc-bench-sim mmc`, in SimPy (Debian's python3-simpy, SimPy 2 API).

Usage: /usr/bin/python3 bench/mmc_simpy.py SERVERS CUSTOMERS
Prints one JSON line with the events (arrivals + service starts + departures, as rcc counts
arrivals + completions: see bench/sim) and the wall time.
"""
import json
import random
import sys
import time

from SimPy.Simulation import Process, Resource, activate, hold, initialize, now, release, request, simulate

SERVERS = int(sys.argv[1]) if len(sys.argv) > 1 else 10
CUSTOMERS = int(sys.argv[2]) if len(sys.argv) > 2 else 100000
HANDLE = 300.0
RHO = 0.9
RATE = RHO * SERVERS / HANDLE
served = 0


class Customer(Process):
    def visit(self, desk):
        global served
        yield request, self, desk
        yield hold, self, random.expovariate(1.0 / HANDLE)
        yield release, self, desk
        served += 1


class Source(Process):
    def generate(self, desk):
        for _ in range(CUSTOMERS):
            c = Customer()
            activate(c, c.visit(desk))
            yield hold, self, random.expovariate(RATE)


random.seed(1)
start = time.perf_counter()
initialize()
desk = Resource(capacity=SERVERS)
source = Source()
activate(source, source.generate(desk))
simulate(until=1e15)
seconds = time.perf_counter() - start
events = 2 * served  # an arrival and a completion per customer, as rcc counts them
print(json.dumps({"peer": "simpy", "customers": served, "events": events, "seconds": round(seconds, 3),
                  "events_per_second": round(events / seconds)}))
