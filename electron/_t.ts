import { extractFields } from './core/extract/index.js';
import { pageOfLines } from '../test/helpers/pages.js';
const cases: [number, number, string][][] = [
  [
    [48, 40, 'CUSTOMER SERVICE RECORD'],
    [48, 80, 'Account Name: Harbor Light Bakery LLC'],
    [48, 110, 'Billing Address (if different) Service Address'],
    [48, 125, 'PO Box 88                      3453 Market Circle'],
    [48, 140, 'Duluth, MN 55804               Duluth, MN 55802'],
    [48, 170, 'Account number: 2185550152093'],
  ],
  [
    [48, 40, 'CUSTOMER SERVICE RECORD'],
    [48, 80, 'Account Name: Harbor Light Bakery LLC'],
    [48, 110, 'Billing Address (if different) Location Address'],
    [48, 125, '6099 Main Terrace              3453 Market Circle'],
    [48, 140, 'Duluth, MN 55804               Duluth, MN 55802'],
    [48, 170, 'Account number: 2185550152093'],
  ],
  [
    [48, 40, 'CUSTOMER SERVICE RECORD'],
    [48, 80, 'Account Name: Harbor Light Bakery LLC'],
    [48, 110, 'Billing Address (if different)    Service Address'],
    [48, 125, '6099 Main Terrace                 3453 Market Circle'],
    [48, 140, 'Duluth, MN 55804                  Duluth, MN 55802'],
    [48, 170, 'Account number: 2185550152093'],
  ],
  [
    [48, 40, 'INVOICE'],
    [48, 80, 'Account Name: Harbor Light Bakery LLC'],
    [48, 110, 'Billing Address (if different) Service Address: 3453 Market Circle, Duluth, MN 55802'],
    [48, 170, 'Account number: 2185550152093'],
  ],
];
for (const c of cases) {
  const f = extractFields(pageOfLines(c), 'csr').fields;
  console.log(JSON.stringify({ svc: f.service_address?.value, bill: f.billing_address?.value }));
}
