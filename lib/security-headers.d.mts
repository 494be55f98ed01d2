export declare const CSP: string;
export declare const SECURITY_HEADERS: { key: string; value: string }[];
export declare function securityHeaders(): Record<string, string>;
