// Generated from /openapi.json by `npm run api:types` (test/dashboard/api-types.test.ts). Do not edit.
export interface paths {
    "/v1/accounts": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Create an account (admin). The answer holds its first API key, shown once. */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        name: string;
                        /** @default USD */
                        currency?: string;
                        /** @description A campaign starts only with at least this balance (DESIGN §2.3). Default "0". */
                        minimumStartBalance?: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            account: {
                                id: string;
                                name: string;
                                /** @description An exact amount of money. */
                                balance: {
                                    /** @description Exact decimal, e.g. "12.50". */
                                    amount: string;
                                    /** @description ISO 4217 code. */
                                    currency: string;
                                };
                                /** @description One minute of every call in flight, held back from new calls (DESIGN §2.8). */
                                reserved: {
                                    amount: string;
                                    currency: string;
                                };
                                /** @description An exact amount of money. */
                                minimumStartBalance: {
                                    /** @description Exact decimal, e.g. "12.50". */
                                    amount: string;
                                    /** @description ISO 4217 code. */
                                    currency: string;
                                };
                                /**
                                 * Format: date-time
                                 * @description ISO 8601, UTC.
                                 */
                                createdAt: string;
                            };
                            /** @description Shown once: store it now. Only its hash is kept. */
                            apiKey: string;
                        };
                    };
                };
                /** @description An error (RFC 9457 application/problem+json). */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            type: string;
                            title: string;
                            status: number;
                            /** @description Stable, snake_case: what programs test. */
                            code: string;
                            detail: string;
                            instance: string;
                            errors?: {
                                path: string;
                                message: string;
                            }[];
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description An error (RFC 9457 application/problem+json). */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            type: string;
                            title: string;
                            status: number;
                            /** @description Stable, snake_case: what programs test. */
                            code: string;
                            detail: string;
                            instance: string;
                            errors?: {
                                path: string;
                                message: string;
                            }[];
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description An error (RFC 9457 application/problem+json). */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            type: string;
                            title: string;
                            status: number;
                            /** @description Stable, snake_case: what programs test. */
                            code: string;
                            detail: string;
                            instance: string;
                            errors?: {
                                path: string;
                                message: string;
                            }[];
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/account": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The calling account with its balance. */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: string;
                            name: string;
                            /** @description An exact amount of money. */
                            balance: {
                                /** @description Exact decimal, e.g. "12.50". */
                                amount: string;
                                /** @description ISO 4217 code. */
                                currency: string;
                            };
                            /** @description One minute of every call in flight, held back from new calls (DESIGN §2.8). */
                            reserved: {
                                amount: string;
                                currency: string;
                            };
                            /** @description An exact amount of money. */
                            minimumStartBalance: {
                                /** @description Exact decimal, e.g. "12.50". */
                                amount: string;
                                /** @description ISO 4217 code. */
                                currency: string;
                            };
                            /**
                             * Format: date-time
                             * @description ISO 8601, UTC.
                             */
                            createdAt: string;
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/accounts/{id}/credits": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Add money to an account's balance (admin); written to its ledger. */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @description Money added to the balance, e.g. "100.00". Negative amounts correct a mistake. */
                        amount: string;
                        note?: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: string;
                            kind: "credit" | "call_charge";
                            /** @description An exact amount of money. */
                            amount: {
                                /** @description Exact decimal, e.g. "12.50". */
                                amount: string;
                                /** @description ISO 4217 code. */
                                currency: string;
                            };
                            callId: string | null;
                            note: string | null;
                            /**
                             * Format: date-time
                             * @description ISO 8601, UTC.
                             */
                            createdAt: string;
                        };
                    };
                };
                /** @description An error (RFC 9457 application/problem+json). */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            type: string;
                            title: string;
                            status: number;
                            /** @description Stable, snake_case: what programs test. */
                            code: string;
                            detail: string;
                            instance: string;
                            errors?: {
                                path: string;
                                message: string;
                            }[];
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description An error (RFC 9457 application/problem+json). */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            type: string;
                            title: string;
                            status: number;
                            /** @description Stable, snake_case: what programs test. */
                            code: string;
                            detail: string;
                            instance: string;
                            errors?: {
                                path: string;
                                message: string;
                            }[];
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description An error (RFC 9457 application/problem+json). */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            type: string;
                            title: string;
                            status: number;
                            /** @description Stable, snake_case: what programs test. */
                            code: string;
                            detail: string;
                            instance: string;
                            errors?: {
                                path: string;
                                message: string;
                            }[];
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description An error (RFC 9457 application/problem+json). */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            type: string;
                            title: string;
                            status: number;
                            /** @description Stable, snake_case: what programs test. */
                            code: string;
                            detail: string;
                            instance: string;
                            errors?: {
                                path: string;
                                message: string;
                            }[];
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/account/ledger": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Credits and call charges, oldest first. */
        get: {
            parameters: {
                query: {
                    /** @description The `nextCursor` of the previous page. */
                    cursor?: string;
                    limit: number;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            data: {
                                id: string;
                                kind: "credit" | "call_charge";
                                /** @description An exact amount of money. */
                                amount: {
                                    /** @description Exact decimal, e.g. "12.50". */
                                    amount: string;
                                    /** @description ISO 4217 code. */
                                    currency: string;
                                };
                                callId: string | null;
                                note: string | null;
                                /**
                                 * Format: date-time
                                 * @description ISO 8601, UTC.
                                 */
                                createdAt: string;
                            }[];
                            /** @description Pass as `cursor` for the next page; null on the last page. */
                            nextCursor: string | null;
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/account/api-keys": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The account's API keys (never the keys themselves). */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            data: {
                                id: string;
                                /** @description The first characters of the key, to tell keys apart. */
                                prefix: string;
                                label: string | null;
                                /**
                                 * Format: date-time
                                 * @description ISO 8601, UTC.
                                 */
                                createdAt: string;
                                revokedAt: string | null;
                            }[];
                        };
                    };
                };
            };
        };
        put?: never;
        /** Create another API key (to rotate keys without downtime). The key is shown once. */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        label?: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            apiKey: string;
                            key: {
                                id: string;
                                /** @description The first characters of the key, to tell keys apart. */
                                prefix: string;
                                label: string | null;
                                /**
                                 * Format: date-time
                                 * @description ISO 8601, UTC.
                                 */
                                createdAt: string;
                                revokedAt: string | null;
                            };
                        };
                    };
                };
                /** @description An error (RFC 9457 application/problem+json). */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            type: string;
                            title: string;
                            status: number;
                            /** @description Stable, snake_case: what programs test. */
                            code: string;
                            detail: string;
                            instance: string;
                            errors?: {
                                path: string;
                                message: string;
                            }[];
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description An error (RFC 9457 application/problem+json). */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            type: string;
                            title: string;
                            status: number;
                            /** @description Stable, snake_case: what programs test. */
                            code: string;
                            detail: string;
                            instance: string;
                            errors?: {
                                path: string;
                                message: string;
                            }[];
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description An error (RFC 9457 application/problem+json). */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            type: string;
                            title: string;
                            status: number;
                            /** @description Stable, snake_case: what programs test. */
                            code: string;
                            detail: string;
                            instance: string;
                            errors?: {
                                path: string;
                                message: string;
                            }[];
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/account/api-keys/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /** Revoke an API key: it answers 401 from now on. */
        delete: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: string;
                            /** @description The first characters of the key, to tell keys apart. */
                            prefix: string;
                            label: string | null;
                            /**
                             * Format: date-time
                             * @description ISO 8601, UTC.
                             */
                            createdAt: string;
                            revokedAt: string | null;
                        };
                    };
                };
                /** @description An error (RFC 9457 application/problem+json). */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            type: string;
                            title: string;
                            status: number;
                            /** @description Stable, snake_case: what programs test. */
                            code: string;
                            detail: string;
                            instance: string;
                            errors?: {
                                path: string;
                                message: string;
                            }[];
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description An error (RFC 9457 application/problem+json). */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            type: string;
                            title: string;
                            status: number;
                            /** @description Stable, snake_case: what programs test. */
                            code: string;
                            detail: string;
                            instance: string;
                            errors?: {
                                path: string;
                                message: string;
                            }[];
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description An error (RFC 9457 application/problem+json). */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            type: string;
                            title: string;
                            status: number;
                            /** @description Stable, snake_case: what programs test. */
                            code: string;
                            detail: string;
                            instance: string;
                            errors?: {
                                path: string;
                                message: string;
                            }[];
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
            };
        };
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/phone-numbers": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The account's caller ids. */
        get: {
            parameters: {
                query: {
                    /** @description The `nextCursor` of the previous page. */
                    cursor?: string;
                    limit: number;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            data: {
                                id: string;
                                number: string;
                                provider: string;
                                providerRef: string | null;
                                label: string | null;
                                callsPerSecond: number;
                                /**
                                 * Format: date-time
                                 * @description ISO 8601, UTC.
                                 */
                                createdAt: string;
                            }[];
                            /** @description Pass as `cursor` for the next page; null on the last page. */
                            nextCursor: string | null;
                        };
                    };
                };
            };
        };
        put?: never;
        /** Register a caller id. */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        number: string;
                        /**
                         * @description Who places the calls.
                         * @enum {unknown}
                         */
                        provider: "simulator" | "twilio" | "vapi" | "retell";
                        /** @description The provider's id of the number (Vapi phoneNumberId, …). */
                        providerRef?: string;
                        label?: string;
                        /**
                         * @description Pacing of this caller id (DESIGN §2.9).
                         * @default 1
                         */
                        callsPerSecond?: number;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: string;
                            number: string;
                            provider: string;
                            providerRef: string | null;
                            label: string | null;
                            callsPerSecond: number;
                            /**
                             * Format: date-time
                             * @description ISO 8601, UTC.
                             */
                            createdAt: string;
                        };
                    };
                };
                /** @description An error (RFC 9457 application/problem+json). */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            type: string;
                            title: string;
                            status: number;
                            /** @description Stable, snake_case: what programs test. */
                            code: string;
                            detail: string;
                            instance: string;
                            errors?: {
                                path: string;
                                message: string;
                            }[];
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description An error (RFC 9457 application/problem+json). */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            type: string;
                            title: string;
                            status: number;
                            /** @description Stable, snake_case: what programs test. */
                            code: string;
                            detail: string;
                            instance: string;
                            errors?: {
                                path: string;
                                message: string;
                            }[];
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description An error (RFC 9457 application/problem+json). */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            type: string;
                            title: string;
                            status: number;
                            /** @description Stable, snake_case: what programs test. */
                            code: string;
                            detail: string;
                            instance: string;
                            errors?: {
                                path: string;
                                message: string;
                            }[];
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/phone-numbers/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /** Remove a caller id no assistant uses. */
        delete: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                204: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description An error (RFC 9457 application/problem+json). */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            type: string;
                            title: string;
                            status: number;
                            /** @description Stable, snake_case: what programs test. */
                            code: string;
                            detail: string;
                            instance: string;
                            errors?: {
                                path: string;
                                message: string;
                            }[];
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description An error (RFC 9457 application/problem+json). */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            type: string;
                            title: string;
                            status: number;
                            /** @description Stable, snake_case: what programs test. */
                            code: string;
                            detail: string;
                            instance: string;
                            errors?: {
                                path: string;
                                message: string;
                            }[];
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description An error (RFC 9457 application/problem+json). */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            type: string;
                            title: string;
                            status: number;
                            /** @description Stable, snake_case: what programs test. */
                            code: string;
                            detail: string;
                            instance: string;
                            errors?: {
                                path: string;
                                message: string;
                            }[];
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description An error (RFC 9457 application/problem+json). */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            type: string;
                            title: string;
                            status: number;
                            /** @description Stable, snake_case: what programs test. */
                            code: string;
                            detail: string;
                            instance: string;
                            errors?: {
                                path: string;
                                message: string;
                            }[];
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
            };
        };
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/providers": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The providers phone numbers and assistants may name, and which this server is configured for. */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            data: {
                                /** @enum {unknown} */
                                name: "simulator" | "twilio" | "vapi" | "retell";
                                /** @description Whether this server can place calls with it: the simulator always; a real provider once its credentials are in the environment (docs/providers.md). A campaign whose assistant uses a provider that is not configured cannot start. */
                                configured: boolean;
                                /** @description Where the provider posts its webhooks (null for the simulator and unconfigured providers). */
                                webhookUrl: string | null;
                            }[];
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/assistants": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The account's assistants. */
        get: {
            parameters: {
                query: {
                    /** @description The `nextCursor` of the previous page. */
                    cursor?: string;
                    limit: number;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            data: {
                                id: string;
                                name: string;
                                provider: string;
                                providerAssistantId: string | null;
                                phoneNumberId: string | null;
                                timezone: string;
                                ratePerMinute: {
                                    amount: string;
                                    currency: string;
                                };
                                maxCallMinutes: number;
                                variables: {
                                    name: string;
                                    type: string;
                                }[];
                                optOutVariable: string | null;
                                /**
                                 * Format: date-time
                                 * @description ISO 8601, UTC.
                                 */
                                createdAt: string;
                            }[];
                            /** @description Pass as `cursor` for the next page; null on the last page. */
                            nextCursor: string | null;
                        };
                    };
                };
            };
        };
        put?: never;
        /** Create an assistant. */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        name: string;
                        /**
                         * @description Who places the calls.
                         * @enum {unknown}
                         */
                        provider: "simulator" | "twilio" | "vapi" | "retell";
                        providerAssistantId?: string | null;
                        phoneNumberId?: string | null;
                        /** @description IANA zone; the calling window is read in it. */
                        timezone: string;
                        /** @description Price per call minute in the account's currency, up to 6 decimals. */
                        ratePerMinute: string;
                        /** @default 30 */
                        maxCallMinutes?: number;
                        /** @description Post-call variables the assistant reports. */
                        variables?: {
                            name: string;
                            /** @enum {unknown} */
                            type: "boolean" | "string" | "number";
                        }[];
                        optOutVariable?: string | null;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: string;
                            name: string;
                            provider: string;
                            providerAssistantId: string | null;
                            phoneNumberId: string | null;
                            timezone: string;
                            ratePerMinute: {
                                amount: string;
                                currency: string;
                            };
                            maxCallMinutes: number;
                            variables: {
                                name: string;
                                type: string;
                            }[];
                            optOutVariable: string | null;
                            /**
                             * Format: date-time
                             * @description ISO 8601, UTC.
                             */
                            createdAt: string;
                        };
                    };
                };
                /** @description An error (RFC 9457 application/problem+json). */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            type: string;
                            title: string;
                            status: number;
                            /** @description Stable, snake_case: what programs test. */
                            code: string;
                            detail: string;
                            instance: string;
                            errors?: {
                                path: string;
                                message: string;
                            }[];
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description An error (RFC 9457 application/problem+json). */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            type: string;
                            title: string;
                            status: number;
                            /** @description Stable, snake_case: what programs test. */
                            code: string;
                            detail: string;
                            instance: string;
                            errors?: {
                                path: string;
                                message: string;
                            }[];
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description An error (RFC 9457 application/problem+json). */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            type: string;
                            title: string;
                            status: number;
                            /** @description Stable, snake_case: what programs test. */
                            code: string;
                            detail: string;
                            instance: string;
                            errors?: {
                                path: string;
                                message: string;
                            }[];
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/assistants/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One assistant. */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: string;
                            name: string;
                            provider: string;
                            providerAssistantId: string | null;
                            phoneNumberId: string | null;
                            timezone: string;
                            ratePerMinute: {
                                amount: string;
                                currency: string;
                            };
                            maxCallMinutes: number;
                            variables: {
                                name: string;
                                type: string;
                            }[];
                            optOutVariable: string | null;
                            /**
                             * Format: date-time
                             * @description ISO 8601, UTC.
                             */
                            createdAt: string;
                        };
                    };
                };
                /** @description An error (RFC 9457 application/problem+json). */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            type: string;
                            title: string;
                            status: number;
                            /** @description Stable, snake_case: what programs test. */
                            code: string;
                            detail: string;
                            instance: string;
                            errors?: {
                                path: string;
                                message: string;
                            }[];
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description An error (RFC 9457 application/problem+json). */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            type: string;
                            title: string;
                            status: number;
                            /** @description Stable, snake_case: what programs test. */
                            code: string;
                            detail: string;
                            instance: string;
                            errors?: {
                                path: string;
                                message: string;
                            }[];
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description An error (RFC 9457 application/problem+json). */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            type: string;
                            title: string;
                            status: number;
                            /** @description Stable, snake_case: what programs test. */
                            code: string;
                            detail: string;
                            instance: string;
                            errors?: {
                                path: string;
                                message: string;
                            }[];
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        /** Edit an assistant; campaigns use the new values from their next call. */
        patch: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        name?: string;
                        /**
                         * @description Who places the calls.
                         * @enum {unknown}
                         */
                        provider?: "simulator" | "twilio" | "vapi" | "retell";
                        providerAssistantId?: string | null;
                        phoneNumberId?: string | null;
                        /** @description IANA zone; the calling window is read in it. */
                        timezone?: string;
                        /** @description Price per call minute in the account's currency, up to 6 decimals. */
                        ratePerMinute?: string;
                        /** @default 30 */
                        maxCallMinutes?: number;
                        /** @description Post-call variables the assistant reports. */
                        variables?: {
                            name: string;
                            /** @enum {unknown} */
                            type: "boolean" | "string" | "number";
                        }[];
                        optOutVariable?: string | null;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: string;
                            name: string;
                            provider: string;
                            providerAssistantId: string | null;
                            phoneNumberId: string | null;
                            timezone: string;
                            ratePerMinute: {
                                amount: string;
                                currency: string;
                            };
                            maxCallMinutes: number;
                            variables: {
                                name: string;
                                type: string;
                            }[];
                            optOutVariable: string | null;
                            /**
                             * Format: date-time
                             * @description ISO 8601, UTC.
                             */
                            createdAt: string;
                        };
                    };
                };
                /** @description An error (RFC 9457 application/problem+json). */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            type: string;
                            title: string;
                            status: number;
                            /** @description Stable, snake_case: what programs test. */
                            code: string;
                            detail: string;
                            instance: string;
                            errors?: {
                                path: string;
                                message: string;
                            }[];
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description An error (RFC 9457 application/problem+json). */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            type: string;
                            title: string;
                            status: number;
                            /** @description Stable, snake_case: what programs test. */
                            code: string;
                            detail: string;
                            instance: string;
                            errors?: {
                                path: string;
                                message: string;
                            }[];
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description An error (RFC 9457 application/problem+json). */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            type: string;
                            title: string;
                            status: number;
                            /** @description Stable, snake_case: what programs test. */
                            code: string;
                            detail: string;
                            instance: string;
                            errors?: {
                                path: string;
                                message: string;
                            }[];
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description An error (RFC 9457 application/problem+json). */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            type: string;
                            title: string;
                            status: number;
                            /** @description Stable, snake_case: what programs test. */
                            code: string;
                            detail: string;
                            instance: string;
                            errors?: {
                                path: string;
                                message: string;
                            }[];
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
            };
        };
        trace?: never;
    };
    "/v1/campaigns": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The account's campaigns, oldest first. */
        get: {
            parameters: {
                query: {
                    /** @description The `nextCursor` of the previous page. */
                    cursor?: string;
                    limit: number;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            data: {
                                id: string;
                                assistantId: string;
                                name: string;
                                /** @description Calling hours in the assistant's time zone. Default Mon–Fri 09:00–18:00. */
                                schedule: {
                                    startTime: string;
                                    endTime: string;
                                    days: ("mon" | "tue" | "wed" | "thu" | "fri" | "sat" | "sun")[];
                                };
                                retry: {
                                    /** @description Attempts per number. Default 3. */
                                    maxRetries: number;
                                    /** @description Minutes between attempts. Default 60. */
                                    intervalMinutes: number;
                                    /** @description Try again after a voicemail. Default true. */
                                    onVoicemail: boolean;
                                    /** @description Keep trying answered leads until the goal is met. Default false. */
                                    untilGoal: boolean;
                                };
                                goal: {
                                    /** @description One of the assistant's boolean variables. */
                                    variable: string;
                                } | null;
                                /** @description Calls at once. Default 5. */
                                maxConcurrentCalls: number;
                                /** @description draft, active, paused or completed. */
                                status: string;
                                pauseReason: string | null;
                                leadCounts: {
                                    created: number;
                                    scheduled: number;
                                    processing: number;
                                    rescheduled: number;
                                    completed: number;
                                    max_retries: number;
                                };
                                /** @description Why calls are or are not being placed now, and when the next one can be. */
                                dialing: {
                                    /** @enum {unknown} */
                                    state: "dialing" | "waiting" | "stopped";
                                    reason: ("draft" | "paused" | "insufficient_balance" | "completed" | "outside_window" | "no_due_leads" | "concurrency_full" | "insufficient_balance_for_more") | null;
                                    nextDialAt: string | null;
                                };
                                /**
                                 * Format: date-time
                                 * @description ISO 8601, UTC.
                                 */
                                createdAt: string;
                                startedAt: string | null;
                                endedAt: string | null;
                            }[];
                            /** @description Pass as `cursor` for the next page; null on the last page. */
                            nextCursor: string | null;
                        };
                    };
                };
            };
        };
        put?: never;
        /** Create a draft campaign; settings left out take their defaults. */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        assistantId: string;
                        name: string;
                        schedule?: {
                            startTime?: string;
                            endTime?: string;
                            days?: ("mon" | "tue" | "wed" | "thu" | "fri" | "sat" | "sun")[];
                        };
                        retry?: {
                            /** @description Attempts per number. Default 3. */
                            maxRetries?: number;
                            /** @description Minutes between attempts. Default 60. */
                            intervalMinutes?: number;
                            /** @description Try again after a voicemail. Default true. */
                            onVoicemail?: boolean;
                            /** @description Keep trying answered leads until the goal is met. Default false. */
                            untilGoal?: boolean;
                        };
                        goal?: {
                            /** @description One of the assistant's boolean variables. */
                            variable: string;
                        } | null;
                        /** @description Calls at once. Default 5. */
                        maxConcurrentCalls?: number;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: string;
                            assistantId: string;
                            name: string;
                            /** @description Calling hours in the assistant's time zone. Default Mon–Fri 09:00–18:00. */
                            schedule: {
                                startTime: string;
                                endTime: string;
                                days: ("mon" | "tue" | "wed" | "thu" | "fri" | "sat" | "sun")[];
                            };
                            retry: {
                                /** @description Attempts per number. Default 3. */
                                maxRetries: number;
                                /** @description Minutes between attempts. Default 60. */
                                intervalMinutes: number;
                                /** @description Try again after a voicemail. Default true. */
                                onVoicemail: boolean;
                                /** @description Keep trying answered leads until the goal is met. Default false. */
                                untilGoal: boolean;
                            };
                            goal: {
                                /** @description One of the assistant's boolean variables. */
                                variable: string;
                            } | null;
                            /** @description Calls at once. Default 5. */
                            maxConcurrentCalls: number;
                            /** @description draft, active, paused or completed. */
                            status: string;
                            pauseReason: string | null;
                            leadCounts: {
                                created: number;
                                scheduled: number;
                                processing: number;
                                rescheduled: number;
                                completed: number;
                                max_retries: number;
                            };
                            /** @description Why calls are or are not being placed now, and when the next one can be. */
                            dialing: {
                                /** @enum {unknown} */
                                state: "dialing" | "waiting" | "stopped";
                                reason: ("draft" | "paused" | "insufficient_balance" | "completed" | "outside_window" | "no_due_leads" | "concurrency_full" | "insufficient_balance_for_more") | null;
                                nextDialAt: string | null;
                            };
                            /**
                             * Format: date-time
                             * @description ISO 8601, UTC.
                             */
                            createdAt: string;
                            startedAt: string | null;
                            endedAt: string | null;
                        };
                    };
                };
                /** @description An error (RFC 9457 application/problem+json). */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            type: string;
                            title: string;
                            status: number;
                            /** @description Stable, snake_case: what programs test. */
                            code: string;
                            detail: string;
                            instance: string;
                            errors?: {
                                path: string;
                                message: string;
                            }[];
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description An error (RFC 9457 application/problem+json). */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            type: string;
                            title: string;
                            status: number;
                            /** @description Stable, snake_case: what programs test. */
                            code: string;
                            detail: string;
                            instance: string;
                            errors?: {
                                path: string;
                                message: string;
                            }[];
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description An error (RFC 9457 application/problem+json). */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            type: string;
                            title: string;
                            status: number;
                            /** @description Stable, snake_case: what programs test. */
                            code: string;
                            detail: string;
                            instance: string;
                            errors?: {
                                path: string;
                                message: string;
                            }[];
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/campaigns/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One campaign with its lead counts and why it is (not) dialing. */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: string;
                            assistantId: string;
                            name: string;
                            /** @description Calling hours in the assistant's time zone. Default Mon–Fri 09:00–18:00. */
                            schedule: {
                                startTime: string;
                                endTime: string;
                                days: ("mon" | "tue" | "wed" | "thu" | "fri" | "sat" | "sun")[];
                            };
                            retry: {
                                /** @description Attempts per number. Default 3. */
                                maxRetries: number;
                                /** @description Minutes between attempts. Default 60. */
                                intervalMinutes: number;
                                /** @description Try again after a voicemail. Default true. */
                                onVoicemail: boolean;
                                /** @description Keep trying answered leads until the goal is met. Default false. */
                                untilGoal: boolean;
                            };
                            goal: {
                                /** @description One of the assistant's boolean variables. */
                                variable: string;
                            } | null;
                            /** @description Calls at once. Default 5. */
                            maxConcurrentCalls: number;
                            /** @description draft, active, paused or completed. */
                            status: string;
                            pauseReason: string | null;
                            leadCounts: {
                                created: number;
                                scheduled: number;
                                processing: number;
                                rescheduled: number;
                                completed: number;
                                max_retries: number;
                            };
                            /** @description Why calls are or are not being placed now, and when the next one can be. */
                            dialing: {
                                /** @enum {unknown} */
                                state: "dialing" | "waiting" | "stopped";
                                reason: ("draft" | "paused" | "insufficient_balance" | "completed" | "outside_window" | "no_due_leads" | "concurrency_full" | "insufficient_balance_for_more") | null;
                                nextDialAt: string | null;
                            };
                            /**
                             * Format: date-time
                             * @description ISO 8601, UTC.
                             */
                            createdAt: string;
                            startedAt: string | null;
                            endedAt: string | null;
                        };
                    };
                };
                /** @description An error (RFC 9457 application/problem+json). */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            type: string;
                            title: string;
                            status: number;
                            /** @description Stable, snake_case: what programs test. */
                            code: string;
                            detail: string;
                            instance: string;
                            errors?: {
                                path: string;
                                message: string;
                            }[];
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description An error (RFC 9457 application/problem+json). */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            type: string;
                            title: string;
                            status: number;
                            /** @description Stable, snake_case: what programs test. */
                            code: string;
                            detail: string;
                            instance: string;
                            errors?: {
                                path: string;
                                message: string;
                            }[];
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description An error (RFC 9457 application/problem+json). */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            type: string;
                            title: string;
                            status: number;
                            /** @description Stable, snake_case: what programs test. */
                            code: string;
                            detail: string;
                            instance: string;
                            errors?: {
                                path: string;
                                message: string;
                            }[];
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        /** Delete a draft campaign and its leads. Started campaigns keep their history: pause instead. */
        delete: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                204: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description An error (RFC 9457 application/problem+json). */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            type: string;
                            title: string;
                            status: number;
                            /** @description Stable, snake_case: what programs test. */
                            code: string;
                            detail: string;
                            instance: string;
                            errors?: {
                                path: string;
                                message: string;
                            }[];
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description An error (RFC 9457 application/problem+json). */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            type: string;
                            title: string;
                            status: number;
                            /** @description Stable, snake_case: what programs test. */
                            code: string;
                            detail: string;
                            instance: string;
                            errors?: {
                                path: string;
                                message: string;
                            }[];
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description An error (RFC 9457 application/problem+json). */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            type: string;
                            title: string;
                            status: number;
                            /** @description Stable, snake_case: what programs test. */
                            code: string;
                            detail: string;
                            instance: string;
                            errors?: {
                                path: string;
                                message: string;
                            }[];
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description An error (RFC 9457 application/problem+json). */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            type: string;
                            title: string;
                            status: number;
                            /** @description Stable, snake_case: what programs test. */
                            code: string;
                            detail: string;
                            instance: string;
                            errors?: {
                                path: string;
                                message: string;
                            }[];
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
            };
        };
        options?: never;
        head?: never;
        /** Edit settings (draft, active or paused); they apply to every later decision. */
        patch: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        name?: string;
                        schedule?: {
                            startTime?: string;
                            endTime?: string;
                            days?: ("mon" | "tue" | "wed" | "thu" | "fri" | "sat" | "sun")[];
                        };
                        retry?: {
                            /** @description Attempts per number. Default 3. */
                            maxRetries?: number;
                            /** @description Minutes between attempts. Default 60. */
                            intervalMinutes?: number;
                            /** @description Try again after a voicemail. Default true. */
                            onVoicemail?: boolean;
                            /** @description Keep trying answered leads until the goal is met. Default false. */
                            untilGoal?: boolean;
                        };
                        goal?: {
                            /** @description One of the assistant's boolean variables. */
                            variable: string;
                        } | null;
                        /** @description Calls at once. Default 5. */
                        maxConcurrentCalls?: number;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: string;
                            assistantId: string;
                            name: string;
                            /** @description Calling hours in the assistant's time zone. Default Mon–Fri 09:00–18:00. */
                            schedule: {
                                startTime: string;
                                endTime: string;
                                days: ("mon" | "tue" | "wed" | "thu" | "fri" | "sat" | "sun")[];
                            };
                            retry: {
                                /** @description Attempts per number. Default 3. */
                                maxRetries: number;
                                /** @description Minutes between attempts. Default 60. */
                                intervalMinutes: number;
                                /** @description Try again after a voicemail. Default true. */
                                onVoicemail: boolean;
                                /** @description Keep trying answered leads until the goal is met. Default false. */
                                untilGoal: boolean;
                            };
                            goal: {
                                /** @description One of the assistant's boolean variables. */
                                variable: string;
                            } | null;
                            /** @description Calls at once. Default 5. */
                            maxConcurrentCalls: number;
                            /** @description draft, active, paused or completed. */
                            status: string;
                            pauseReason: string | null;
                            leadCounts: {
                                created: number;
                                scheduled: number;
                                processing: number;
                                rescheduled: number;
                                completed: number;
                                max_retries: number;
                            };
                            /** @description Why calls are or are not being placed now, and when the next one can be. */
                            dialing: {
                                /** @enum {unknown} */
                                state: "dialing" | "waiting" | "stopped";
                                reason: ("draft" | "paused" | "insufficient_balance" | "completed" | "outside_window" | "no_due_leads" | "concurrency_full" | "insufficient_balance_for_more") | null;
                                nextDialAt: string | null;
                            };
                            /**
                             * Format: date-time
                             * @description ISO 8601, UTC.
                             */
                            createdAt: string;
                            startedAt: string | null;
                            endedAt: string | null;
                        };
                    };
                };
                /** @description An error (RFC 9457 application/problem+json). */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            type: string;
                            title: string;
                            status: number;
                            /** @description Stable, snake_case: what programs test. */
                            code: string;
                            detail: string;
                            instance: string;
                            errors?: {
                                path: string;
                                message: string;
                            }[];
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description An error (RFC 9457 application/problem+json). */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            type: string;
                            title: string;
                            status: number;
                            /** @description Stable, snake_case: what programs test. */
                            code: string;
                            detail: string;
                            instance: string;
                            errors?: {
                                path: string;
                                message: string;
                            }[];
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description An error (RFC 9457 application/problem+json). */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            type: string;
                            title: string;
                            status: number;
                            /** @description Stable, snake_case: what programs test. */
                            code: string;
                            detail: string;
                            instance: string;
                            errors?: {
                                path: string;
                                message: string;
                            }[];
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description An error (RFC 9457 application/problem+json). */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            type: string;
                            title: string;
                            status: number;
                            /** @description Stable, snake_case: what programs test. */
                            code: string;
                            detail: string;
                            instance: string;
                            errors?: {
                                path: string;
                                message: string;
                            }[];
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description An error (RFC 9457 application/problem+json). */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            type: string;
                            title: string;
                            status: number;
                            /** @description Stable, snake_case: what programs test. */
                            code: string;
                            detail: string;
                            instance: string;
                            errors?: {
                                path: string;
                                message: string;
                            }[];
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
            };
        };
        trace?: never;
    };
    "/v1/campaigns/{id}/start": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Start dialing. Refused with every unmet requirement (DESIGN §2.3). */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: string;
                            assistantId: string;
                            name: string;
                            /** @description Calling hours in the assistant's time zone. Default Mon–Fri 09:00–18:00. */
                            schedule: {
                                startTime: string;
                                endTime: string;
                                days: ("mon" | "tue" | "wed" | "thu" | "fri" | "sat" | "sun")[];
                            };
                            retry: {
                                /** @description Attempts per number. Default 3. */
                                maxRetries: number;
                                /** @description Minutes between attempts. Default 60. */
                                intervalMinutes: number;
                                /** @description Try again after a voicemail. Default true. */
                                onVoicemail: boolean;
                                /** @description Keep trying answered leads until the goal is met. Default false. */
                                untilGoal: boolean;
                            };
                            goal: {
                                /** @description One of the assistant's boolean variables. */
                                variable: string;
                            } | null;
                            /** @description Calls at once. Default 5. */
                            maxConcurrentCalls: number;
                            /** @description draft, active, paused or completed. */
                            status: string;
                            pauseReason: string | null;
                            leadCounts: {
                                created: number;
                                scheduled: number;
                                processing: number;
                                rescheduled: number;
                                completed: number;
                                max_retries: number;
                            };
                            /** @description Why calls are or are not being placed now, and when the next one can be. */
                            dialing: {
                                /** @enum {unknown} */
                                state: "dialing" | "waiting" | "stopped";
                                reason: ("draft" | "paused" | "insufficient_balance" | "completed" | "outside_window" | "no_due_leads" | "concurrency_full" | "insufficient_balance_for_more") | null;
                                nextDialAt: string | null;
                            };
                            /**
                             * Format: date-time
                             * @description ISO 8601, UTC.
                             */
                            createdAt: string;
                            startedAt: string | null;
                            endedAt: string | null;
                        };
                    };
                };
                /** @description An error (RFC 9457 application/problem+json). */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            type: string;
                            title: string;
                            status: number;
                            /** @description Stable, snake_case: what programs test. */
                            code: string;
                            detail: string;
                            instance: string;
                            errors?: {
                                path: string;
                                message: string;
                            }[];
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description An error (RFC 9457 application/problem+json). */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            type: string;
                            title: string;
                            status: number;
                            /** @description Stable, snake_case: what programs test. */
                            code: string;
                            detail: string;
                            instance: string;
                            errors?: {
                                path: string;
                                message: string;
                            }[];
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {string} */
                            code: "campaign_not_startable";
                            unmet: {
                                code: string;
                                message: string;
                            }[];
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description An error (RFC 9457 application/problem+json). */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            type: string;
                            title: string;
                            status: number;
                            /** @description Stable, snake_case: what programs test. */
                            code: string;
                            detail: string;
                            instance: string;
                            errors?: {
                                path: string;
                                message: string;
                            }[];
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/campaigns/{id}/pause": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Stop placing calls; calls in flight finish. */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: string;
                            assistantId: string;
                            name: string;
                            /** @description Calling hours in the assistant's time zone. Default Mon–Fri 09:00–18:00. */
                            schedule: {
                                startTime: string;
                                endTime: string;
                                days: ("mon" | "tue" | "wed" | "thu" | "fri" | "sat" | "sun")[];
                            };
                            retry: {
                                /** @description Attempts per number. Default 3. */
                                maxRetries: number;
                                /** @description Minutes between attempts. Default 60. */
                                intervalMinutes: number;
                                /** @description Try again after a voicemail. Default true. */
                                onVoicemail: boolean;
                                /** @description Keep trying answered leads until the goal is met. Default false. */
                                untilGoal: boolean;
                            };
                            goal: {
                                /** @description One of the assistant's boolean variables. */
                                variable: string;
                            } | null;
                            /** @description Calls at once. Default 5. */
                            maxConcurrentCalls: number;
                            /** @description draft, active, paused or completed. */
                            status: string;
                            pauseReason: string | null;
                            leadCounts: {
                                created: number;
                                scheduled: number;
                                processing: number;
                                rescheduled: number;
                                completed: number;
                                max_retries: number;
                            };
                            /** @description Why calls are or are not being placed now, and when the next one can be. */
                            dialing: {
                                /** @enum {unknown} */
                                state: "dialing" | "waiting" | "stopped";
                                reason: ("draft" | "paused" | "insufficient_balance" | "completed" | "outside_window" | "no_due_leads" | "concurrency_full" | "insufficient_balance_for_more") | null;
                                nextDialAt: string | null;
                            };
                            /**
                             * Format: date-time
                             * @description ISO 8601, UTC.
                             */
                            createdAt: string;
                            startedAt: string | null;
                            endedAt: string | null;
                        };
                    };
                };
                /** @description An error (RFC 9457 application/problem+json). */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            type: string;
                            title: string;
                            status: number;
                            /** @description Stable, snake_case: what programs test. */
                            code: string;
                            detail: string;
                            instance: string;
                            errors?: {
                                path: string;
                                message: string;
                            }[];
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description An error (RFC 9457 application/problem+json). */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            type: string;
                            title: string;
                            status: number;
                            /** @description Stable, snake_case: what programs test. */
                            code: string;
                            detail: string;
                            instance: string;
                            errors?: {
                                path: string;
                                message: string;
                            }[];
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {string} */
                            code: "campaign_not_startable";
                            unmet: {
                                code: string;
                                message: string;
                            }[];
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description An error (RFC 9457 application/problem+json). */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            type: string;
                            title: string;
                            status: number;
                            /** @description Stable, snake_case: what programs test. */
                            code: string;
                            detail: string;
                            instance: string;
                            errors?: {
                                path: string;
                                message: string;
                            }[];
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/campaigns/{id}/resume": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Dial again after a pause. */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: string;
                            assistantId: string;
                            name: string;
                            /** @description Calling hours in the assistant's time zone. Default Mon–Fri 09:00–18:00. */
                            schedule: {
                                startTime: string;
                                endTime: string;
                                days: ("mon" | "tue" | "wed" | "thu" | "fri" | "sat" | "sun")[];
                            };
                            retry: {
                                /** @description Attempts per number. Default 3. */
                                maxRetries: number;
                                /** @description Minutes between attempts. Default 60. */
                                intervalMinutes: number;
                                /** @description Try again after a voicemail. Default true. */
                                onVoicemail: boolean;
                                /** @description Keep trying answered leads until the goal is met. Default false. */
                                untilGoal: boolean;
                            };
                            goal: {
                                /** @description One of the assistant's boolean variables. */
                                variable: string;
                            } | null;
                            /** @description Calls at once. Default 5. */
                            maxConcurrentCalls: number;
                            /** @description draft, active, paused or completed. */
                            status: string;
                            pauseReason: string | null;
                            leadCounts: {
                                created: number;
                                scheduled: number;
                                processing: number;
                                rescheduled: number;
                                completed: number;
                                max_retries: number;
                            };
                            /** @description Why calls are or are not being placed now, and when the next one can be. */
                            dialing: {
                                /** @enum {unknown} */
                                state: "dialing" | "waiting" | "stopped";
                                reason: ("draft" | "paused" | "insufficient_balance" | "completed" | "outside_window" | "no_due_leads" | "concurrency_full" | "insufficient_balance_for_more") | null;
                                nextDialAt: string | null;
                            };
                            /**
                             * Format: date-time
                             * @description ISO 8601, UTC.
                             */
                            createdAt: string;
                            startedAt: string | null;
                            endedAt: string | null;
                        };
                    };
                };
                /** @description An error (RFC 9457 application/problem+json). */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            type: string;
                            title: string;
                            status: number;
                            /** @description Stable, snake_case: what programs test. */
                            code: string;
                            detail: string;
                            instance: string;
                            errors?: {
                                path: string;
                                message: string;
                            }[];
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description An error (RFC 9457 application/problem+json). */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            type: string;
                            title: string;
                            status: number;
                            /** @description Stable, snake_case: what programs test. */
                            code: string;
                            detail: string;
                            instance: string;
                            errors?: {
                                path: string;
                                message: string;
                            }[];
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {string} */
                            code: "campaign_not_startable";
                            unmet: {
                                code: string;
                                message: string;
                            }[];
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description An error (RFC 9457 application/problem+json). */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            type: string;
                            title: string;
                            status: number;
                            /** @description Stable, snake_case: what programs test. */
                            code: string;
                            detail: string;
                            instance: string;
                            errors?: {
                                path: string;
                                message: string;
                            }[];
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/campaigns/{id}/stats": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Counts by lead and call status, voicemail, goal achieved, answer rate, cost, and the seq of the newest event they include. */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            leads: {
                                created: number;
                                scheduled: number;
                                processing: number;
                                rescheduled: number;
                                completed: number;
                                max_retries: number;
                            };
                            calls: {
                                [key: string]: number;
                            };
                            inFlight: number;
                            voicemail: number;
                            goalAchieved: number;
                            answerRate: number | null;
                            cost: {
                                amount: string;
                                currency: string;
                            };
                            /** @description The seq of the campaign's newest event, 0 before any, read with these figures: `GET /v1/campaigns/{id}/events?after=<lastEventSeq>` streams exactly the changes they do not include yet. */
                            lastEventSeq: number;
                        };
                    };
                };
                /** @description An error (RFC 9457 application/problem+json). */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            type: string;
                            title: string;
                            status: number;
                            /** @description Stable, snake_case: what programs test. */
                            code: string;
                            detail: string;
                            instance: string;
                            errors?: {
                                path: string;
                                message: string;
                            }[];
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description An error (RFC 9457 application/problem+json). */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            type: string;
                            title: string;
                            status: number;
                            /** @description Stable, snake_case: what programs test. */
                            code: string;
                            detail: string;
                            instance: string;
                            errors?: {
                                path: string;
                                message: string;
                            }[];
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description An error (RFC 9457 application/problem+json). */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            type: string;
                            title: string;
                            status: number;
                            /** @description Stable, snake_case: what programs test. */
                            code: string;
                            detail: string;
                            instance: string;
                            errors?: {
                                path: string;
                                message: string;
                            }[];
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/campaigns/{id}/stats/timeline": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Calls over time: counted by the hour (UTC) or the local day they were placed in. */
        get: {
            parameters: {
                query: {
                    /** @description hour: UTC hours. day: days from local midnight in the campaign's time zone. */
                    bucket: "hour" | "day";
                };
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {unknown} */
                            bucket: "hour" | "day";
                            /** @description The campaign's time zone (its assistant's, IANA): a day bucket runs from local midnight to local midnight in it, 23 or 25 hours across a DST change. Hour buckets are UTC hours, which are its hours too unless its offset is not whole hours (Asia/Kolkata). */
                            timezone: string;
                            /** @description By when the calls were placed, oldest first: only buckets with calls, at most the newest 500. */
                            buckets: {
                                /**
                                 * Format: date-time
                                 * @description The bucket's first instant, ISO 8601 UTC: the hour, or the local midnight starting the day.
                                 */
                                start: string;
                                /** @description Calls placed in the bucket. */
                                calls: number;
                                /** @description Answered by a person: completed, not by a machine (as in the answer rate of stats). */
                                answered: number;
                                /** @description Completed calls a machine answered. */
                                voicemail: number;
                                goalAchieved: number;
                                /** @description The calls by their status now. */
                                byStatus: {
                                    initiated: number;
                                    ringing: number;
                                    in_progress: number;
                                    completed: number;
                                    busy: number;
                                    unanswered: number;
                                    failed: number;
                                };
                            }[];
                        };
                    };
                };
                /** @description An error (RFC 9457 application/problem+json). */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            type: string;
                            title: string;
                            status: number;
                            /** @description Stable, snake_case: what programs test. */
                            code: string;
                            detail: string;
                            instance: string;
                            errors?: {
                                path: string;
                                message: string;
                            }[];
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description An error (RFC 9457 application/problem+json). */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            type: string;
                            title: string;
                            status: number;
                            /** @description Stable, snake_case: what programs test. */
                            code: string;
                            detail: string;
                            instance: string;
                            errors?: {
                                path: string;
                                message: string;
                            }[];
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description An error (RFC 9457 application/problem+json). */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            type: string;
                            title: string;
                            status: number;
                            /** @description Stable, snake_case: what programs test. */
                            code: string;
                            detail: string;
                            instance: string;
                            errors?: {
                                path: string;
                                message: string;
                            }[];
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/campaigns/{id}/leads": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A campaign's leads in the order added, each with its numbers, optionally of one status and matching a search (`q`). */
        get: {
            parameters: {
                query: {
                    /** @description The `nextCursor` of the previous page. */
                    cursor?: string;
                    limit: number;
                    status?: "created" | "scheduled" | "processing" | "rescheduled" | "completed" | "max_retries";
                    /** @description Search: a query of digits and phone punctuation (`555 0123`, `+1 212`, `(212) 555-0123`) finds leads with a number containing those digits; any other finds leads whose name contains it, ignoring case. Combines with `status`. A search stops as soon as the page is full, so one that matches many leads answers at once; one that matches few scans the campaign: on 1,000,000 leads about 0.15 s (SQLite; 0.25 s for one or two digits) or 0.15 s for a number and 0.4 s for a name (PostgreSQL). */
                    q?: string;
                };
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            data: {
                                id: string;
                                campaignId: string;
                                name: string | null;
                                externalId: string | null;
                                fields: {
                                    [key: string]: string;
                                };
                                status: string;
                                completionReason: string | null;
                                nextAttemptAt: string | null;
                                /**
                                 * Format: date-time
                                 * @description ISO 8601, UTC.
                                 */
                                createdAt: string;
                                /**
                                 * Format: date-time
                                 * @description When anything about the lead last changed: its status, its next attempt, an override.
                                 */
                                updatedAt: string;
                                /** @description Primary first. */
                                contacts: {
                                    id: string;
                                    /** @description 0 = primary. */
                                    position: number;
                                    phone: string;
                                    attempts: number;
                                    /** @description Not callable any more (invalid number). */
                                    dead: boolean;
                                    lastResult: string | null;
                                }[];
                                lastResult: string | null;
                            }[];
                            /** @description Pass as `cursor` for the next page; null on the last page. */
                            nextCursor: string | null;
                        };
                    };
                };
                /** @description An error (RFC 9457 application/problem+json). */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            type: string;
                            title: string;
                            status: number;
                            /** @description Stable, snake_case: what programs test. */
                            code: string;
                            detail: string;
                            instance: string;
                            errors?: {
                                path: string;
                                message: string;
                            }[];
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description An error (RFC 9457 application/problem+json). */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            type: string;
                            title: string;
                            status: number;
                            /** @description Stable, snake_case: what programs test. */
                            code: string;
                            detail: string;
                            instance: string;
                            errors?: {
                                path: string;
                                message: string;
                            }[];
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description An error (RFC 9457 application/problem+json). */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            type: string;
                            title: string;
                            status: number;
                            /** @description Stable, snake_case: what programs test. */
                            code: string;
                            detail: string;
                            instance: string;
                            errors?: {
                                path: string;
                                message: string;
                            }[];
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
            };
        };
        put?: never;
        /** Add up to 1,000 leads. Invalid numbers, numbers already in the campaign and numbers on the do-not-call list are reported by index; the rest are added. */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        leads: {
                            /** @description E.164 preferred; national numbers use the default country. */
                            phone: string;
                            /** @description Tried after the primary. */
                            secondaryPhones?: string[];
                            name?: string;
                            /** @description Your id for the lead (CRM id). */
                            externalId?: string;
                            /** @description Passed to the assistant as variables (e.g. first_name). */
                            fields?: {
                                [key: string]: string;
                            };
                        }[];
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            created: number;
                            /** @description Already in the campaign, or earlier in this batch: not added again. */
                            duplicates: {
                                index: number;
                                /** @description E.164. */
                                phone: string;
                            }[];
                            /** @description On the account's do-not-call list: not added. */
                            suppressed: {
                                index: number;
                                /** @description E.164. */
                                phone: string;
                            }[];
                            invalid: {
                                index: number;
                                field: string;
                                message: string;
                            }[];
                        };
                    };
                };
                /** @description An error (RFC 9457 application/problem+json). */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            type: string;
                            title: string;
                            status: number;
                            /** @description Stable, snake_case: what programs test. */
                            code: string;
                            detail: string;
                            instance: string;
                            errors?: {
                                path: string;
                                message: string;
                            }[];
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description An error (RFC 9457 application/problem+json). */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            type: string;
                            title: string;
                            status: number;
                            /** @description Stable, snake_case: what programs test. */
                            code: string;
                            detail: string;
                            instance: string;
                            errors?: {
                                path: string;
                                message: string;
                            }[];
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description An error (RFC 9457 application/problem+json). */
                413: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            type: string;
                            title: string;
                            status: number;
                            /** @description Stable, snake_case: what programs test. */
                            code: string;
                            detail: string;
                            instance: string;
                            errors?: {
                                path: string;
                                message: string;
                            }[];
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description An error (RFC 9457 application/problem+json). */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            type: string;
                            title: string;
                            status: number;
                            /** @description Stable, snake_case: what programs test. */
                            code: string;
                            detail: string;
                            instance: string;
                            errors?: {
                                path: string;
                                message: string;
                            }[];
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description An error (RFC 9457 application/problem+json). */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            type: string;
                            title: string;
                            status: number;
                            /** @description Stable, snake_case: what programs test. */
                            code: string;
                            detail: string;
                            instance: string;
                            errors?: {
                                path: string;
                                message: string;
                            }[];
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/leads/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One lead with its numbers and every call placed to it. */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: string;
                            campaignId: string;
                            name: string | null;
                            externalId: string | null;
                            fields: {
                                [key: string]: string;
                            };
                            status: string;
                            completionReason: string | null;
                            nextAttemptAt: string | null;
                            /**
                             * Format: date-time
                             * @description ISO 8601, UTC.
                             */
                            createdAt: string;
                            contacts: {
                                id: string;
                                /** @description 0 = primary. */
                                position: number;
                                phone: string;
                                attempts: number;
                                /** @description Not callable any more (invalid number). */
                                dead: boolean;
                                lastResult: string | null;
                            }[];
                            calls: {
                                id: string;
                                campaignId: string;
                                leadId: string;
                                leadName: string | null;
                                contactId: string;
                                phone: string;
                                /** @description Attempt number of this contact, from 1. */
                                attempt: number;
                                provider: string;
                                providerCallId: string | null;
                                status: string;
                                answeredBy: string | null;
                                failureReason: string | null;
                                /**
                                 * Format: date-time
                                 * @description ISO 8601, UTC.
                                 */
                                placedAt: string;
                                answeredAt: string | null;
                                endedAt: string | null;
                                billedSeconds: number;
                                cost: {
                                    amount: string;
                                    currency: string;
                                };
                                goal: boolean | null;
                                variables: {
                                    [key: string]: unknown;
                                } | null;
                            }[];
                        };
                    };
                };
                /** @description An error (RFC 9457 application/problem+json). */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            type: string;
                            title: string;
                            status: number;
                            /** @description Stable, snake_case: what programs test. */
                            code: string;
                            detail: string;
                            instance: string;
                            errors?: {
                                path: string;
                                message: string;
                            }[];
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description An error (RFC 9457 application/problem+json). */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            type: string;
                            title: string;
                            status: number;
                            /** @description Stable, snake_case: what programs test. */
                            code: string;
                            detail: string;
                            instance: string;
                            errors?: {
                                path: string;
                                message: string;
                            }[];
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description An error (RFC 9457 application/problem+json). */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            type: string;
                            title: string;
                            status: number;
                            /** @description Stable, snake_case: what programs test. */
                            code: string;
                            detail: string;
                            instance: string;
                            errors?: {
                                path: string;
                                message: string;
                            }[];
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        /** Reset a lead (created) or stop calling it (completed). */
        patch: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @description created: reset (dialed again from attempt 1 once the campaign runs); completed: stop calling. */
                        status: "created" | "completed";
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: string;
                            campaignId: string;
                            name: string | null;
                            externalId: string | null;
                            fields: {
                                [key: string]: string;
                            };
                            status: string;
                            completionReason: string | null;
                            nextAttemptAt: string | null;
                            /**
                             * Format: date-time
                             * @description ISO 8601, UTC.
                             */
                            createdAt: string;
                        };
                    };
                };
                /** @description An error (RFC 9457 application/problem+json). */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            type: string;
                            title: string;
                            status: number;
                            /** @description Stable, snake_case: what programs test. */
                            code: string;
                            detail: string;
                            instance: string;
                            errors?: {
                                path: string;
                                message: string;
                            }[];
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description An error (RFC 9457 application/problem+json). */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            type: string;
                            title: string;
                            status: number;
                            /** @description Stable, snake_case: what programs test. */
                            code: string;
                            detail: string;
                            instance: string;
                            errors?: {
                                path: string;
                                message: string;
                            }[];
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description An error (RFC 9457 application/problem+json). */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            type: string;
                            title: string;
                            status: number;
                            /** @description Stable, snake_case: what programs test. */
                            code: string;
                            detail: string;
                            instance: string;
                            errors?: {
                                path: string;
                                message: string;
                            }[];
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description An error (RFC 9457 application/problem+json). */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            type: string;
                            title: string;
                            status: number;
                            /** @description Stable, snake_case: what programs test. */
                            code: string;
                            detail: string;
                            instance: string;
                            errors?: {
                                path: string;
                                message: string;
                            }[];
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description An error (RFC 9457 application/problem+json). */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            type: string;
                            title: string;
                            status: number;
                            /** @description Stable, snake_case: what programs test. */
                            code: string;
                            detail: string;
                            instance: string;
                            errors?: {
                                path: string;
                                message: string;
                            }[];
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
            };
        };
        trace?: never;
    };
    "/v1/campaigns/{id}/calls": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A campaign's calls in the order placed, or the newest first (`order=newest`). */
        get: {
            parameters: {
                query: {
                    /** @description The `nextCursor` of the previous page. */
                    cursor?: string;
                    limit: number;
                    /** @description oldest: in the order placed. newest: the latest call first. */
                    order: "oldest" | "newest";
                };
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            data: {
                                id: string;
                                campaignId: string;
                                leadId: string;
                                leadName: string | null;
                                contactId: string;
                                phone: string;
                                /** @description Attempt number of this contact, from 1. */
                                attempt: number;
                                provider: string;
                                providerCallId: string | null;
                                status: string;
                                answeredBy: string | null;
                                failureReason: string | null;
                                /**
                                 * Format: date-time
                                 * @description ISO 8601, UTC.
                                 */
                                placedAt: string;
                                answeredAt: string | null;
                                endedAt: string | null;
                                billedSeconds: number;
                                cost: {
                                    amount: string;
                                    currency: string;
                                };
                                goal: boolean | null;
                                variables: {
                                    [key: string]: unknown;
                                } | null;
                            }[];
                            /** @description Pass as `cursor` for the next page; null on the last page. */
                            nextCursor: string | null;
                        };
                    };
                };
                /** @description An error (RFC 9457 application/problem+json). */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            type: string;
                            title: string;
                            status: number;
                            /** @description Stable, snake_case: what programs test. */
                            code: string;
                            detail: string;
                            instance: string;
                            errors?: {
                                path: string;
                                message: string;
                            }[];
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description An error (RFC 9457 application/problem+json). */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            type: string;
                            title: string;
                            status: number;
                            /** @description Stable, snake_case: what programs test. */
                            code: string;
                            detail: string;
                            instance: string;
                            errors?: {
                                path: string;
                                message: string;
                            }[];
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description An error (RFC 9457 application/problem+json). */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            type: string;
                            title: string;
                            status: number;
                            /** @description Stable, snake_case: what programs test. */
                            code: string;
                            detail: string;
                            instance: string;
                            errors?: {
                                path: string;
                                message: string;
                            }[];
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/calls/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One call with its status timeline, who answered, billed seconds, cost and variables. */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: string;
                            campaignId: string;
                            leadId: string;
                            leadName: string | null;
                            contactId: string;
                            phone: string;
                            /** @description Attempt number of this contact, from 1. */
                            attempt: number;
                            provider: string;
                            providerCallId: string | null;
                            status: string;
                            answeredBy: string | null;
                            failureReason: string | null;
                            /**
                             * Format: date-time
                             * @description ISO 8601, UTC.
                             */
                            placedAt: string;
                            answeredAt: string | null;
                            endedAt: string | null;
                            billedSeconds: number;
                            cost: {
                                amount: string;
                                currency: string;
                            };
                            goal: boolean | null;
                            variables: {
                                [key: string]: unknown;
                            } | null;
                            timeline: {
                                status: string;
                                /**
                                 * Format: date-time
                                 * @description ISO 8601, UTC.
                                 */
                                at: string;
                            }[];
                        };
                    };
                };
                /** @description An error (RFC 9457 application/problem+json). */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            type: string;
                            title: string;
                            status: number;
                            /** @description Stable, snake_case: what programs test. */
                            code: string;
                            detail: string;
                            instance: string;
                            errors?: {
                                path: string;
                                message: string;
                            }[];
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description An error (RFC 9457 application/problem+json). */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            type: string;
                            title: string;
                            status: number;
                            /** @description Stable, snake_case: what programs test. */
                            code: string;
                            detail: string;
                            instance: string;
                            errors?: {
                                path: string;
                                message: string;
                            }[];
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description An error (RFC 9457 application/problem+json). */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            type: string;
                            title: string;
                            status: number;
                            /** @description Stable, snake_case: what programs test. */
                            code: string;
                            detail: string;
                            instance: string;
                            errors?: {
                                path: string;
                                message: string;
                            }[];
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/calls/{id}/variables": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Report the post-call variables of a call (for assistants that are not a platform). Sending the same variables again is harmless. */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        variables: {
                            [key: string]: boolean | string | number | null;
                        };
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: string;
                            campaignId: string;
                            leadId: string;
                            leadName: string | null;
                            contactId: string;
                            phone: string;
                            /** @description Attempt number of this contact, from 1. */
                            attempt: number;
                            provider: string;
                            providerCallId: string | null;
                            status: string;
                            answeredBy: string | null;
                            failureReason: string | null;
                            /**
                             * Format: date-time
                             * @description ISO 8601, UTC.
                             */
                            placedAt: string;
                            answeredAt: string | null;
                            endedAt: string | null;
                            billedSeconds: number;
                            cost: {
                                amount: string;
                                currency: string;
                            };
                            goal: boolean | null;
                            variables: {
                                [key: string]: unknown;
                            } | null;
                            timeline: {
                                status: string;
                                /**
                                 * Format: date-time
                                 * @description ISO 8601, UTC.
                                 */
                                at: string;
                            }[];
                        };
                    };
                };
                /** @description An error (RFC 9457 application/problem+json). */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            type: string;
                            title: string;
                            status: number;
                            /** @description Stable, snake_case: what programs test. */
                            code: string;
                            detail: string;
                            instance: string;
                            errors?: {
                                path: string;
                                message: string;
                            }[];
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description An error (RFC 9457 application/problem+json). */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            type: string;
                            title: string;
                            status: number;
                            /** @description Stable, snake_case: what programs test. */
                            code: string;
                            detail: string;
                            instance: string;
                            errors?: {
                                path: string;
                                message: string;
                            }[];
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description An error (RFC 9457 application/problem+json). */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            type: string;
                            title: string;
                            status: number;
                            /** @description Stable, snake_case: what programs test. */
                            code: string;
                            detail: string;
                            instance: string;
                            errors?: {
                                path: string;
                                message: string;
                            }[];
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description An error (RFC 9457 application/problem+json). */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            type: string;
                            title: string;
                            status: number;
                            /** @description Stable, snake_case: what programs test. */
                            code: string;
                            detail: string;
                            instance: string;
                            errors?: {
                                path: string;
                                message: string;
                            }[];
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description An error (RFC 9457 application/problem+json). */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            type: string;
                            title: string;
                            status: number;
                            /** @description Stable, snake_case: what programs test. */
                            code: string;
                            detail: string;
                            instance: string;
                            errors?: {
                                path: string;
                                message: string;
                            }[];
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/dnc": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The do-not-call list in number order, or the entry of one number (`phone`). */
        get: {
            parameters: {
                query: {
                    /** @description The `nextCursor` of the previous page. */
                    cursor?: string;
                    limit: number;
                    /** @description Look up this one number: the page holds its entry, or nothing when it is not listed. */
                    phone?: string;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            data: {
                                phone: string;
                                /**
                                 * @description `api`: added here; `import`: from a file; `opt_out`: the callee asked during a call.
                                 * @enum {unknown}
                                 */
                                source: "api" | "import" | "opt_out";
                                note: string | null;
                                /**
                                 * Format: date-time
                                 * @description ISO 8601, UTC.
                                 */
                                createdAt: string;
                            }[];
                            /** @description Pass as `cursor` for the next page; null on the last page. */
                            nextCursor: string | null;
                        };
                    };
                };
                /** @description An error (RFC 9457 application/problem+json). */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            type: string;
                            title: string;
                            status: number;
                            /** @description Stable, snake_case: what programs test. */
                            code: string;
                            detail: string;
                            instance: string;
                            errors?: {
                                path: string;
                                message: string;
                            }[];
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description An error (RFC 9457 application/problem+json). */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            type: string;
                            title: string;
                            status: number;
                            /** @description Stable, snake_case: what programs test. */
                            code: string;
                            detail: string;
                            instance: string;
                            errors?: {
                                path: string;
                                message: string;
                            }[];
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description An error (RFC 9457 application/problem+json). */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            type: string;
                            title: string;
                            status: number;
                            /** @description Stable, snake_case: what programs test. */
                            code: string;
                            detail: string;
                            instance: string;
                            errors?: {
                                path: string;
                                message: string;
                            }[];
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
            };
        };
        put?: never;
        /** Put up to 1,000 numbers on the do-not-call list. Invalid numbers are reported by index; the rest are listed. */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        phones: string[];
                        /** @description Why, for whoever reads the list later. */
                        note?: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Numbers put on the list. */
                            added: number;
                            /** @description Numbers that were on it already (or given twice): unchanged. */
                            alreadyListed: number;
                            invalid: {
                                index: number;
                                field: string;
                                message: string;
                            }[];
                        };
                    };
                };
                /** @description An error (RFC 9457 application/problem+json). */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            type: string;
                            title: string;
                            status: number;
                            /** @description Stable, snake_case: what programs test. */
                            code: string;
                            detail: string;
                            instance: string;
                            errors?: {
                                path: string;
                                message: string;
                            }[];
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description An error (RFC 9457 application/problem+json). */
                413: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            type: string;
                            title: string;
                            status: number;
                            /** @description Stable, snake_case: what programs test. */
                            code: string;
                            detail: string;
                            instance: string;
                            errors?: {
                                path: string;
                                message: string;
                            }[];
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description An error (RFC 9457 application/problem+json). */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            type: string;
                            title: string;
                            status: number;
                            /** @description Stable, snake_case: what programs test. */
                            code: string;
                            detail: string;
                            instance: string;
                            errors?: {
                                path: string;
                                message: string;
                            }[];
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description An error (RFC 9457 application/problem+json). */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            type: string;
                            title: string;
                            status: number;
                            /** @description Stable, snake_case: what programs test. */
                            code: string;
                            detail: string;
                            instance: string;
                            errors?: {
                                path: string;
                                message: string;
                            }[];
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/dnc/{phone}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /** Take a number off the do-not-call list (its + written %2B): its leads may be called again. */
        delete: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    phone: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                204: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description An error (RFC 9457 application/problem+json). */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            type: string;
                            title: string;
                            status: number;
                            /** @description Stable, snake_case: what programs test. */
                            code: string;
                            detail: string;
                            instance: string;
                            errors?: {
                                path: string;
                                message: string;
                            }[];
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description An error (RFC 9457 application/problem+json). */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            type: string;
                            title: string;
                            status: number;
                            /** @description Stable, snake_case: what programs test. */
                            code: string;
                            detail: string;
                            instance: string;
                            errors?: {
                                path: string;
                                message: string;
                            }[];
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description An error (RFC 9457 application/problem+json). */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            type: string;
                            title: string;
                            status: number;
                            /** @description Stable, snake_case: what programs test. */
                            code: string;
                            detail: string;
                            instance: string;
                            errors?: {
                                path: string;
                                message: string;
                            }[];
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description An error (RFC 9457 application/problem+json). */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            type: string;
                            title: string;
                            status: number;
                            /** @description Stable, snake_case: what programs test. */
                            code: string;
                            detail: string;
                            instance: string;
                            errors?: {
                                path: string;
                                message: string;
                            }[];
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
            };
        };
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/campaigns/{id}/leads.csv": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A campaign's leads as CSV, streamed, optionally of one status (see the Exports docs). */
        get: {
            parameters: {
                query?: {
                    status?: "created" | "scheduled" | "processing" | "rescheduled" | "completed" | "max_retries";
                };
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description One row per lead in the order added. */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "text/csv": string;
                    };
                };
                /** @description An error (RFC 9457 application/problem+json). */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            type: string;
                            title: string;
                            status: number;
                            /** @description Stable, snake_case: what programs test. */
                            code: string;
                            detail: string;
                            instance: string;
                            errors?: {
                                path: string;
                                message: string;
                            }[];
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description An error (RFC 9457 application/problem+json). */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            type: string;
                            title: string;
                            status: number;
                            /** @description Stable, snake_case: what programs test. */
                            code: string;
                            detail: string;
                            instance: string;
                            errors?: {
                                path: string;
                                message: string;
                            }[];
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description An error (RFC 9457 application/problem+json). */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            type: string;
                            title: string;
                            status: number;
                            /** @description Stable, snake_case: what programs test. */
                            code: string;
                            detail: string;
                            instance: string;
                            errors?: {
                                path: string;
                                message: string;
                            }[];
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description An error (RFC 9457 application/problem+json). */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            type: string;
                            title: string;
                            status: number;
                            /** @description Stable, snake_case: what programs test. */
                            code: string;
                            detail: string;
                            instance: string;
                            errors?: {
                                path: string;
                                message: string;
                            }[];
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/campaigns/{id}/calls.csv": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A campaign's calls as CSV, streamed, with their post-call variables (see the Exports docs). */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description One row per call in the order placed. */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "text/csv": string;
                    };
                };
                /** @description An error (RFC 9457 application/problem+json). */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            type: string;
                            title: string;
                            status: number;
                            /** @description Stable, snake_case: what programs test. */
                            code: string;
                            detail: string;
                            instance: string;
                            errors?: {
                                path: string;
                                message: string;
                            }[];
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description An error (RFC 9457 application/problem+json). */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            type: string;
                            title: string;
                            status: number;
                            /** @description Stable, snake_case: what programs test. */
                            code: string;
                            detail: string;
                            instance: string;
                            errors?: {
                                path: string;
                                message: string;
                            }[];
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description An error (RFC 9457 application/problem+json). */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            type: string;
                            title: string;
                            status: number;
                            /** @description Stable, snake_case: what programs test. */
                            code: string;
                            detail: string;
                            instance: string;
                            errors?: {
                                path: string;
                                message: string;
                            }[];
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/campaigns/{id}/imports": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The campaign's import jobs, newest first. */
        get: {
            parameters: {
                query: {
                    /** @description The `nextCursor` of the previous page. */
                    cursor?: string;
                    limit: number;
                };
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            data: {
                                id: string;
                                campaignId: string;
                                /**
                                 * @description running, completed or failed. A running job that wrote no progress for 5 minutes lost its server: it reads as failed with the problem import_interrupted.
                                 * @enum {unknown}
                                 */
                                status: "running" | "completed" | "failed";
                                fileName: string | null;
                                defaultCountry: string;
                                mapping: {
                                    phone?: string;
                                    /** @description Dialed in this order after the primary. */
                                    secondary?: string[];
                                    name?: string;
                                    firstName?: string;
                                    lastName?: string;
                                    email?: string;
                                    timezone?: string;
                                    externalId?: string;
                                    /** @description Columns kept as lead fields under their header, whatever the header suggests. */
                                    fields?: string[];
                                    /** @description Columns left out: neither a role nor a lead field. */
                                    ignore?: string[];
                                } | null;
                                /** @description The size of the uploaded file. */
                                bytesTotal: number;
                                /** @description How far the import has read it: progress is bytesRead / bytesTotal. */
                                bytesRead: number;
                                counts: {
                                    /** @description Data rows read (blank lines not counted). */
                                    rows: number;
                                    /** @description Leads created. */
                                    leads: number;
                                    /** @description Numbers added, secondary ones included. */
                                    contacts: number;
                                    /** @description Numbers already in the campaign or earlier in the file. */
                                    duplicates: number;
                                    /** @description Values refused: rows without a valid number, bad secondary numbers. */
                                    invalid: number;
                                    /** @description Numbers on the account's do-not-call list. */
                                    suppressed: number;
                                };
                                /** @description Lines in the error file (errorsUrl). */
                                rejectedValues: number;
                                problem: {
                                    code: string;
                                    message: string;
                                } | null;
                                /**
                                 * Format: date-time
                                 * @description ISO 8601, UTC.
                                 */
                                createdAt: string;
                                /**
                                 * Format: date-time
                                 * @description When progress was last written.
                                 */
                                updatedAt: string;
                                finishedAt: string | null;
                                /** @description The error file: row, column, value and reason of each refused value. */
                                errorsUrl: string;
                            }[];
                            /** @description Pass as `cursor` for the next page; null on the last page. */
                            nextCursor: string | null;
                        };
                    };
                };
                /** @description An error (RFC 9457 application/problem+json). */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            type: string;
                            title: string;
                            status: number;
                            /** @description Stable, snake_case: what programs test. */
                            code: string;
                            detail: string;
                            instance: string;
                            errors?: {
                                path: string;
                                message: string;
                            }[];
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description An error (RFC 9457 application/problem+json). */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            type: string;
                            title: string;
                            status: number;
                            /** @description Stable, snake_case: what programs test. */
                            code: string;
                            detail: string;
                            instance: string;
                            errors?: {
                                path: string;
                                message: string;
                            }[];
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description An error (RFC 9457 application/problem+json). */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            type: string;
                            title: string;
                            status: number;
                            /** @description Stable, snake_case: what programs test. */
                            code: string;
                            detail: string;
                            instance: string;
                            errors?: {
                                path: string;
                                message: string;
                            }[];
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
            };
        };
        put?: never;
        /** Import a lead file into the campaign as a background job: the CSV as the body (text/csv, options in the query) or as the part "file" of a multipart form. Answers 202 with the job, or with ?wait=true 201 once it has completed. */
        post: {
            parameters: {
                query: {
                    /** @description How numbers written without a country code are read. Default: the server's --default-country. */
                    defaultCountry?: string;
                    /** @description The column mapping as JSON text, e.g. {"phone": "Mobile", "secondary": ["Office"]}. */
                    mapping?: string;
                    /** @description Shown in the job (text/csv uploads: a file has no name). */
                    fileName?: string;
                    /** @description Answer once the import has ended, with the finished job (201, or the failure as a problem). */
                    wait: boolean;
                };
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "text/csv": string;
                    "multipart/form-data": {
                        /**
                         * Format: binary
                         * @description A CSV file: UTF-8 (with or without BOM), UTF-16 or Windows-1252; comma, semicolon, tab or pipe separated.
                         */
                        file: string;
                        /** @description How numbers written without a country code are read. Default: the server's --default-country. */
                        defaultCountry?: string;
                        /** @description The column mapping as JSON text, e.g. {"phone": "Mobile", "secondary": ["Office"]}. */
                        mapping?: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: string;
                            campaignId: string;
                            /**
                             * @description running, completed or failed. A running job that wrote no progress for 5 minutes lost its server: it reads as failed with the problem import_interrupted.
                             * @enum {unknown}
                             */
                            status: "running" | "completed" | "failed";
                            fileName: string | null;
                            defaultCountry: string;
                            mapping: {
                                phone?: string;
                                /** @description Dialed in this order after the primary. */
                                secondary?: string[];
                                name?: string;
                                firstName?: string;
                                lastName?: string;
                                email?: string;
                                timezone?: string;
                                externalId?: string;
                                /** @description Columns kept as lead fields under their header, whatever the header suggests. */
                                fields?: string[];
                                /** @description Columns left out: neither a role nor a lead field. */
                                ignore?: string[];
                            } | null;
                            /** @description The size of the uploaded file. */
                            bytesTotal: number;
                            /** @description How far the import has read it: progress is bytesRead / bytesTotal. */
                            bytesRead: number;
                            counts: {
                                /** @description Data rows read (blank lines not counted). */
                                rows: number;
                                /** @description Leads created. */
                                leads: number;
                                /** @description Numbers added, secondary ones included. */
                                contacts: number;
                                /** @description Numbers already in the campaign or earlier in the file. */
                                duplicates: number;
                                /** @description Values refused: rows without a valid number, bad secondary numbers. */
                                invalid: number;
                                /** @description Numbers on the account's do-not-call list. */
                                suppressed: number;
                            };
                            /** @description Lines in the error file (errorsUrl). */
                            rejectedValues: number;
                            problem: {
                                code: string;
                                message: string;
                            } | null;
                            /**
                             * Format: date-time
                             * @description ISO 8601, UTC.
                             */
                            createdAt: string;
                            /**
                             * Format: date-time
                             * @description When progress was last written.
                             */
                            updatedAt: string;
                            finishedAt: string | null;
                            /** @description The error file: row, column, value and reason of each refused value. */
                            errorsUrl: string;
                        };
                    };
                };
                /** @description Default Response */
                202: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: string;
                            campaignId: string;
                            /**
                             * @description running, completed or failed. A running job that wrote no progress for 5 minutes lost its server: it reads as failed with the problem import_interrupted.
                             * @enum {unknown}
                             */
                            status: "running" | "completed" | "failed";
                            fileName: string | null;
                            defaultCountry: string;
                            mapping: {
                                phone?: string;
                                /** @description Dialed in this order after the primary. */
                                secondary?: string[];
                                name?: string;
                                firstName?: string;
                                lastName?: string;
                                email?: string;
                                timezone?: string;
                                externalId?: string;
                                /** @description Columns kept as lead fields under their header, whatever the header suggests. */
                                fields?: string[];
                                /** @description Columns left out: neither a role nor a lead field. */
                                ignore?: string[];
                            } | null;
                            /** @description The size of the uploaded file. */
                            bytesTotal: number;
                            /** @description How far the import has read it: progress is bytesRead / bytesTotal. */
                            bytesRead: number;
                            counts: {
                                /** @description Data rows read (blank lines not counted). */
                                rows: number;
                                /** @description Leads created. */
                                leads: number;
                                /** @description Numbers added, secondary ones included. */
                                contacts: number;
                                /** @description Numbers already in the campaign or earlier in the file. */
                                duplicates: number;
                                /** @description Values refused: rows without a valid number, bad secondary numbers. */
                                invalid: number;
                                /** @description Numbers on the account's do-not-call list. */
                                suppressed: number;
                            };
                            /** @description Lines in the error file (errorsUrl). */
                            rejectedValues: number;
                            problem: {
                                code: string;
                                message: string;
                            } | null;
                            /**
                             * Format: date-time
                             * @description ISO 8601, UTC.
                             */
                            createdAt: string;
                            /**
                             * Format: date-time
                             * @description When progress was last written.
                             */
                            updatedAt: string;
                            finishedAt: string | null;
                            /** @description The error file: row, column, value and reason of each refused value. */
                            errorsUrl: string;
                        };
                    };
                };
                /** @description An error (RFC 9457 application/problem+json). */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            type: string;
                            title: string;
                            status: number;
                            /** @description Stable, snake_case: what programs test. */
                            code: string;
                            detail: string;
                            instance: string;
                            errors?: {
                                path: string;
                                message: string;
                            }[];
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description An error (RFC 9457 application/problem+json). */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            type: string;
                            title: string;
                            status: number;
                            /** @description Stable, snake_case: what programs test. */
                            code: string;
                            detail: string;
                            instance: string;
                            errors?: {
                                path: string;
                                message: string;
                            }[];
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description An error (RFC 9457 application/problem+json). */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            type: string;
                            title: string;
                            status: number;
                            /** @description Stable, snake_case: what programs test. */
                            code: string;
                            detail: string;
                            instance: string;
                            errors?: {
                                path: string;
                                message: string;
                            }[];
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description An error (RFC 9457 application/problem+json). */
                413: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            type: string;
                            title: string;
                            status: number;
                            /** @description Stable, snake_case: what programs test. */
                            code: string;
                            detail: string;
                            instance: string;
                            errors?: {
                                path: string;
                                message: string;
                            }[];
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description An error (RFC 9457 application/problem+json). */
                415: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            type: string;
                            title: string;
                            status: number;
                            /** @description Stable, snake_case: what programs test. */
                            code: string;
                            detail: string;
                            instance: string;
                            errors?: {
                                path: string;
                                message: string;
                            }[];
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description An error (RFC 9457 application/problem+json). */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            type: string;
                            title: string;
                            status: number;
                            /** @description Stable, snake_case: what programs test. */
                            code: string;
                            detail: string;
                            instance: string;
                            errors?: {
                                path: string;
                                message: string;
                            }[];
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description An error (RFC 9457 application/problem+json). */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            type: string;
                            title: string;
                            status: number;
                            /** @description Stable, snake_case: what programs test. */
                            code: string;
                            detail: string;
                            instance: string;
                            errors?: {
                                path: string;
                                message: string;
                            }[];
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description An error (RFC 9457 application/problem+json). */
                503: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            type: string;
                            title: string;
                            status: number;
                            /** @description Stable, snake_case: what programs test. */
                            code: string;
                            detail: string;
                            instance: string;
                            errors?: {
                                path: string;
                                message: string;
                            }[];
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/imports/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** An import job: status, progress (bytesRead of bytesTotal), counts, problem, error file. */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: string;
                            campaignId: string;
                            /**
                             * @description running, completed or failed. A running job that wrote no progress for 5 minutes lost its server: it reads as failed with the problem import_interrupted.
                             * @enum {unknown}
                             */
                            status: "running" | "completed" | "failed";
                            fileName: string | null;
                            defaultCountry: string;
                            mapping: {
                                phone?: string;
                                /** @description Dialed in this order after the primary. */
                                secondary?: string[];
                                name?: string;
                                firstName?: string;
                                lastName?: string;
                                email?: string;
                                timezone?: string;
                                externalId?: string;
                                /** @description Columns kept as lead fields under their header, whatever the header suggests. */
                                fields?: string[];
                                /** @description Columns left out: neither a role nor a lead field. */
                                ignore?: string[];
                            } | null;
                            /** @description The size of the uploaded file. */
                            bytesTotal: number;
                            /** @description How far the import has read it: progress is bytesRead / bytesTotal. */
                            bytesRead: number;
                            counts: {
                                /** @description Data rows read (blank lines not counted). */
                                rows: number;
                                /** @description Leads created. */
                                leads: number;
                                /** @description Numbers added, secondary ones included. */
                                contacts: number;
                                /** @description Numbers already in the campaign or earlier in the file. */
                                duplicates: number;
                                /** @description Values refused: rows without a valid number, bad secondary numbers. */
                                invalid: number;
                                /** @description Numbers on the account's do-not-call list. */
                                suppressed: number;
                            };
                            /** @description Lines in the error file (errorsUrl). */
                            rejectedValues: number;
                            problem: {
                                code: string;
                                message: string;
                            } | null;
                            /**
                             * Format: date-time
                             * @description ISO 8601, UTC.
                             */
                            createdAt: string;
                            /**
                             * Format: date-time
                             * @description When progress was last written.
                             */
                            updatedAt: string;
                            finishedAt: string | null;
                            /** @description The error file: row, column, value and reason of each refused value. */
                            errorsUrl: string;
                        };
                    };
                };
                /** @description An error (RFC 9457 application/problem+json). */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            type: string;
                            title: string;
                            status: number;
                            /** @description Stable, snake_case: what programs test. */
                            code: string;
                            detail: string;
                            instance: string;
                            errors?: {
                                path: string;
                                message: string;
                            }[];
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description An error (RFC 9457 application/problem+json). */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            type: string;
                            title: string;
                            status: number;
                            /** @description Stable, snake_case: what programs test. */
                            code: string;
                            detail: string;
                            instance: string;
                            errors?: {
                                path: string;
                                message: string;
                            }[];
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description An error (RFC 9457 application/problem+json). */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            type: string;
                            title: string;
                            status: number;
                            /** @description Stable, snake_case: what programs test. */
                            code: string;
                            detail: string;
                            instance: string;
                            errors?: {
                                path: string;
                                message: string;
                            }[];
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/imports/{id}/errors.csv": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The job's error file as CSV, streamed: row, column, value, reason of each refused value. */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description One line per refused value, in row order; a spreadsheet opens it safely. */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "text/csv": string;
                    };
                };
                /** @description An error (RFC 9457 application/problem+json). */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            type: string;
                            title: string;
                            status: number;
                            /** @description Stable, snake_case: what programs test. */
                            code: string;
                            detail: string;
                            instance: string;
                            errors?: {
                                path: string;
                                message: string;
                            }[];
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description An error (RFC 9457 application/problem+json). */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            type: string;
                            title: string;
                            status: number;
                            /** @description Stable, snake_case: what programs test. */
                            code: string;
                            detail: string;
                            instance: string;
                            errors?: {
                                path: string;
                                message: string;
                            }[];
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description An error (RFC 9457 application/problem+json). */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            type: string;
                            title: string;
                            status: number;
                            /** @description Stable, snake_case: what programs test. */
                            code: string;
                            detail: string;
                            instance: string;
                            errors?: {
                                path: string;
                                message: string;
                            }[];
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/campaigns/{id}/imports/preview": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** How an import would read a file, from its first bytes (text/csv body, the import's options in the query): the encoding and delimiter found, each column's role, and the first rows as they would become leads, with the values the import would refuse. Nothing is written; numbers already in the campaign or on the do-not-call list are not looked up. */
        post: {
            parameters: {
                query: {
                    /** @description How numbers written without a country code are read. Default: the server's --default-country. */
                    defaultCountry?: string;
                    /** @description The column mapping as JSON text, e.g. {"phone": "Mobile", "secondary": ["Office"]}. */
                    mapping?: string;
                    /** @description How many data rows to show, from the first. */
                    rows: number;
                    /** @description The body is the whole file: its last row is read even without a line break after it. */
                    wholeFile: boolean;
                };
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "text/csv": string;
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description utf-8, utf-16le, utf-16be or windows-1252. */
                            encoding: string;
                            /** @description The column separator found: `,` `;` tab or `|`. */
                            delimiter: string;
                            /** @description The header row, trimmed. */
                            headers: string[];
                            columns: {
                                header: string;
                                /**
                                 * @description The column's part: a role of the mapping (its key), `field` (kept as a lead field), or `ignored` (listed in the mapping's `ignore`, or a column without a header).
                                 * @enum {unknown}
                                 */
                                role: "phone" | "secondary" | "name" | "firstName" | "lastName" | "email" | "timezone" | "externalId" | "field" | "ignored";
                            }[];
                            /** @description Empty when the mapping was refused (problem). */
                            rows: {
                                /** @description As a spreadsheet numbers it: the header is row 1. */
                                rowNumber: number;
                                /** @description E.164; null when the row has no valid primary number (the import refuses the row). */
                                phone: string | null;
                                /** @description E.164, in dialing order. */
                                secondaryPhones: string[];
                                name: string | null;
                                externalId: string | null;
                                /** @description The other columns, by header. */
                                fields: {
                                    [key: string]: string;
                                };
                                /** @description The values the import would refuse, as its error file names them. */
                                errors: {
                                    column: string;
                                    value: string;
                                    reason: string;
                                }[];
                            }[];
                            problem: {
                                code: string;
                                message: string;
                            } | null;
                        };
                    };
                };
                /** @description An error (RFC 9457 application/problem+json). */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            type: string;
                            title: string;
                            status: number;
                            /** @description Stable, snake_case: what programs test. */
                            code: string;
                            detail: string;
                            instance: string;
                            errors?: {
                                path: string;
                                message: string;
                            }[];
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description An error (RFC 9457 application/problem+json). */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            type: string;
                            title: string;
                            status: number;
                            /** @description Stable, snake_case: what programs test. */
                            code: string;
                            detail: string;
                            instance: string;
                            errors?: {
                                path: string;
                                message: string;
                            }[];
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description An error (RFC 9457 application/problem+json). */
                413: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            type: string;
                            title: string;
                            status: number;
                            /** @description Stable, snake_case: what programs test. */
                            code: string;
                            detail: string;
                            instance: string;
                            errors?: {
                                path: string;
                                message: string;
                            }[];
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description An error (RFC 9457 application/problem+json). */
                415: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            type: string;
                            title: string;
                            status: number;
                            /** @description Stable, snake_case: what programs test. */
                            code: string;
                            detail: string;
                            instance: string;
                            errors?: {
                                path: string;
                                message: string;
                            }[];
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description An error (RFC 9457 application/problem+json). */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            type: string;
                            title: string;
                            status: number;
                            /** @description Stable, snake_case: what programs test. */
                            code: string;
                            detail: string;
                            instance: string;
                            errors?: {
                                path: string;
                                message: string;
                            }[];
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description An error (RFC 9457 application/problem+json). */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            type: string;
                            title: string;
                            status: number;
                            /** @description Stable, snake_case: what programs test. */
                            code: string;
                            detail: string;
                            instance: string;
                            errors?: {
                                path: string;
                                message: string;
                            }[];
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/webhook-endpoints": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The account's webhook subscriptions (never their secrets). */
        get: {
            parameters: {
                query: {
                    /** @description The `nextCursor` of the previous page. */
                    cursor?: string;
                    limit: number;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            data: {
                                id: string;
                                url: string;
                                events: string[];
                                /**
                                 * Format: date-time
                                 * @description ISO 8601, UTC.
                                 */
                                createdAt: string;
                                disabledAt: string | null;
                                disabledReason: string | null;
                            }[];
                            /** @description Pass as `cursor` for the next page; null on the last page. */
                            nextCursor: string | null;
                        };
                    };
                };
            };
        };
        put?: never;
        /** Subscribe a URL to events. Deliveries are signed per Standard Webhooks with the returned secret. */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @description https:// URL the events are POSTed to. */
                        url: string;
                        /** @description Event types to receive; "*" for all. */
                        events: ("campaign.started" | "campaign.paused" | "campaign.resumed" | "campaign.completed" | "lead.status_changed" | "call.ended" | "balance.low" | "*")[];
                    };
                };
            };
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: string;
                            url: string;
                            events: string[];
                            /**
                             * Format: date-time
                             * @description ISO 8601, UTC.
                             */
                            createdAt: string;
                            disabledAt: string | null;
                            disabledReason: string | null;
                            /** @description Signing secret (Standard Webhooks, whsec_…): shown once. Verify every delivery with it. */
                            secret: string;
                        };
                    };
                };
                /** @description An error (RFC 9457 application/problem+json). */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            type: string;
                            title: string;
                            status: number;
                            /** @description Stable, snake_case: what programs test. */
                            code: string;
                            detail: string;
                            instance: string;
                            errors?: {
                                path: string;
                                message: string;
                            }[];
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description An error (RFC 9457 application/problem+json). */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            type: string;
                            title: string;
                            status: number;
                            /** @description Stable, snake_case: what programs test. */
                            code: string;
                            detail: string;
                            instance: string;
                            errors?: {
                                path: string;
                                message: string;
                            }[];
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description An error (RFC 9457 application/problem+json). */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            type: string;
                            title: string;
                            status: number;
                            /** @description Stable, snake_case: what programs test. */
                            code: string;
                            detail: string;
                            instance: string;
                            errors?: {
                                path: string;
                                message: string;
                            }[];
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/webhook-endpoints/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /** Unsubscribe; pending deliveries are dropped. */
        delete: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                204: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description An error (RFC 9457 application/problem+json). */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            type: string;
                            title: string;
                            status: number;
                            /** @description Stable, snake_case: what programs test. */
                            code: string;
                            detail: string;
                            instance: string;
                            errors?: {
                                path: string;
                                message: string;
                            }[];
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description An error (RFC 9457 application/problem+json). */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            type: string;
                            title: string;
                            status: number;
                            /** @description Stable, snake_case: what programs test. */
                            code: string;
                            detail: string;
                            instance: string;
                            errors?: {
                                path: string;
                                message: string;
                            }[];
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description An error (RFC 9457 application/problem+json). */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            type: string;
                            title: string;
                            status: number;
                            /** @description Stable, snake_case: what programs test. */
                            code: string;
                            detail: string;
                            instance: string;
                            errors?: {
                                path: string;
                                message: string;
                            }[];
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
            };
        };
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/webhook-endpoints/{id}/deliveries": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Deliveries to this endpoint with every attempt: status, response code, error, duration. */
        get: {
            parameters: {
                query: {
                    /** @description The `nextCursor` of the previous page. */
                    cursor?: string;
                    limit: number;
                };
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            data: {
                                /** @description Also the webhook-id header: the same on every retry. */
                                id: string;
                                eventSeq: number;
                                eventType: string;
                                /** @description pending, delivered or failed. */
                                status: string;
                                /**
                                 * Format: date-time
                                 * @description ISO 8601, UTC.
                                 */
                                createdAt: string;
                                nextAttemptAt: string | null;
                                attempts: {
                                    /**
                                     * Format: date-time
                                     * @description ISO 8601, UTC.
                                     */
                                    at: string;
                                    responseStatus: number | null;
                                    error: string | null;
                                    durationMs: number;
                                }[];
                            }[];
                            /** @description Pass as `cursor` for the next page; null on the last page. */
                            nextCursor: string | null;
                        };
                    };
                };
                /** @description An error (RFC 9457 application/problem+json). */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            type: string;
                            title: string;
                            status: number;
                            /** @description Stable, snake_case: what programs test. */
                            code: string;
                            detail: string;
                            instance: string;
                            errors?: {
                                path: string;
                                message: string;
                            }[];
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description An error (RFC 9457 application/problem+json). */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            type: string;
                            title: string;
                            status: number;
                            /** @description Stable, snake_case: what programs test. */
                            code: string;
                            detail: string;
                            instance: string;
                            errors?: {
                                path: string;
                                message: string;
                            }[];
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description An error (RFC 9457 application/problem+json). */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            type: string;
                            title: string;
                            status: number;
                            /** @description Stable, snake_case: what programs test. */
                            code: string;
                            detail: string;
                            instance: string;
                            errors?: {
                                path: string;
                                message: string;
                            }[];
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/campaigns/{id}/events": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The campaign's events as Server-Sent Events (text/event-stream), from `after` or Last-Event-ID. */
        get: {
            parameters: {
                query?: {
                    after?: number;
                };
                header?: {
                    "last-event-id"?: string;
                };
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description An error (RFC 9457 application/problem+json). */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            type: string;
                            title: string;
                            status: number;
                            /** @description Stable, snake_case: what programs test. */
                            code: string;
                            detail: string;
                            instance: string;
                            errors?: {
                                path: string;
                                message: string;
                            }[];
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description An error (RFC 9457 application/problem+json). */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            type: string;
                            title: string;
                            status: number;
                            /** @description Stable, snake_case: what programs test. */
                            code: string;
                            detail: string;
                            instance: string;
                            errors?: {
                                path: string;
                                message: string;
                            }[];
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description An error (RFC 9457 application/problem+json). */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            type: string;
                            title: string;
                            status: number;
                            /** @description Stable, snake_case: what programs test. */
                            code: string;
                            detail: string;
                            instance: string;
                            errors?: {
                                path: string;
                                message: string;
                            }[];
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/clock": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The virtual clock. */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /**
                             * Format: date-time
                             * @description ISO 8601, UTC.
                             */
                            now: string;
                            virtual: boolean;
                        };
                    };
                };
                /** @description An error (RFC 9457 application/problem+json). */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            type: string;
                            title: string;
                            status: number;
                            /** @description Stable, snake_case: what programs test. */
                            code: string;
                            detail: string;
                            instance: string;
                            errors?: {
                                path: string;
                                message: string;
                            }[];
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description An error (RFC 9457 application/problem+json). */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            type: string;
                            title: string;
                            status: number;
                            /** @description Stable, snake_case: what programs test. */
                            code: string;
                            detail: string;
                            instance: string;
                            errors?: {
                                path: string;
                                message: string;
                            }[];
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description An error (RFC 9457 application/problem+json). */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            type: string;
                            title: string;
                            status: number;
                            /** @description Stable, snake_case: what programs test. */
                            code: string;
                            detail: string;
                            instance: string;
                            errors?: {
                                path: string;
                                message: string;
                            }[];
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/clock/advance": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Move the virtual clock forward by `minutes` or to `to` (admin); answers once every event is processed. */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            /** @description Exactly one of `minutes` and `to`. */
            requestBody: {
                content: {
                    "application/json": {
                        minutes?: number;
                        /** Format: date-time */
                        to?: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /**
                             * Format: date-time
                             * @description ISO 8601, UTC.
                             */
                            now: string;
                            virtual: boolean;
                        };
                    };
                };
                /** @description An error (RFC 9457 application/problem+json). */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            type: string;
                            title: string;
                            status: number;
                            /** @description Stable, snake_case: what programs test. */
                            code: string;
                            detail: string;
                            instance: string;
                            errors?: {
                                path: string;
                                message: string;
                            }[];
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description An error (RFC 9457 application/problem+json). */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            type: string;
                            title: string;
                            status: number;
                            /** @description Stable, snake_case: what programs test. */
                            code: string;
                            detail: string;
                            instance: string;
                            errors?: {
                                path: string;
                                message: string;
                            }[];
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description An error (RFC 9457 application/problem+json). */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            type: string;
                            title: string;
                            status: number;
                            /** @description Stable, snake_case: what programs test. */
                            code: string;
                            detail: string;
                            instance: string;
                            errors?: {
                                path: string;
                                message: string;
                            }[];
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description An error (RFC 9457 application/problem+json). */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            type: string;
                            title: string;
                            status: number;
                            /** @description Stable, snake_case: what programs test. */
                            code: string;
                            detail: string;
                            instance: string;
                            errors?: {
                                path: string;
                                message: string;
                            }[];
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
}
export type webhooks = Record<string, never>;
export interface components {
    schemas: never;
    responses: never;
    parameters: never;
    requestBodies: never;
    headers: never;
    pathItems: never;
}
export type $defs = Record<string, never>;
export type operations = Record<string, never>;
