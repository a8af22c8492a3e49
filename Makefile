# The two commands a newcomer needs: `make run` and `make test`. The rest are steps of those.
PORT ?= 8080
DATABASE_URL ?= sqlite:vanguard.sqlite
export PORT DATABASE_URL

BIN = $(shell swift build --show-bin-path)/vanguard

.PHONY: run test assets build build-deps build-tests seed demo-data migrate serve test-core test-store lint format clean

## Fetch assets, build, migrate, seed, load generated demo returns, and serve on http://localhost:$(PORT)
run: assets build seed demo-data serve

## The whole suite: Swift tests on SQLite and PostgreSQL, end-to-end and browser tests
test:
	./scripts/test.sh

assets:
	./scripts/fetch-assets.sh

build: build-deps
	swift build --product vanguard

build-deps:
	./scripts/install-build-deps.sh

build-tests: build-deps
	swift build --build-tests

migrate: build
	$(BIN) migrate --yes

seed: build
	$(BIN) seed

demo-data: build
	$(BIN) demo-data

serve: build
	$(BIN) serve

## Fast inner loop: domain and statistics only, no database or web, without the slow recovery
## studies (tagged `recoveryStudy`; `make test` runs them)
test-core: build-deps
	swift test --filter VanguardCoreTests --skip theInjectedEffectsAreRecoveredWithHonestIntervals

## swift-format in lint mode over every Swift file (.swift-format: 4 spaces, 140 columns); `make format` fixes
lint:
	swift format lint --strict --recursive Sources Tests Package.swift
	@# A connection held across statements must give up when PostgreSQL closes it (see ConnectionLoss.swift);
	@# the files under Sources/VanguardStore/SQLite hold SQLite's own connections only.
	@if grep -rnE '\.(transaction|withConnection) \{' Sources | grep -vE 'ConnectionLoss.swift|SQLiteBackup.swift|VanguardStore/SQLite/'; then \
		echo "use guardedTransaction / guardedConnection (Sources/VanguardStore/ConnectionLoss.swift)" >&2; exit 1; fi

format:
	swift format format --in-place --recursive Sources Tests Package.swift

## The persistence layer alone: FluentKit, no Vapor (SQLite, or TEST_DATABASE_URL's PostgreSQL)
test-store: build-deps
	swift test --filter VanguardStoreTests

clean:
	rm -rf .build .vendor vanguard.sqlite
