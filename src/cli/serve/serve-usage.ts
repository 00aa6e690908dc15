/** Kept apart from the command so `callwright --help` and `simulate` never load the HTTP stack. */
export const SERVE_USAGE = `  serve [--db PATH|postgres://…] [--host 127.0.0.1] [--port 3000] [--clock real|virtual] [--clock-start ISO] [--demo]
        [--admin-key KEY] [--allow-private-webhooks] [--rate-limit N] [--cors-origin URL]…
        [--default-country US] [--simulator-seed 7]
      The REST API, the dialer and webhook delivery in one process, on a SQLite file (default
      ./data/callwright.db) or on PostgreSQL (postgres://user:pass@host:5432/db?schema=callwright&pool=10), where
      several serve and worker processes share the work (docs/deploy.md). --demo fills an empty database with a demo account and campaign.
      --clock virtual runs on a test clock moved by POST /v1/clock/advance.
      The admin key comes from CALLWRIGHT_ADMIN_KEY or --admin-key; without either, the first start prints one.
      Real providers come from the environment (docs/providers.md): CALLWRIGHT_PUBLIC_URL (where they post to
      /webhooks/<provider>) with CALLWRIGHT_TWILIO_*, CALLWRIGHT_VAPI_* or CALLWRIGHT_RETELL_*; workers read them too.
`;
