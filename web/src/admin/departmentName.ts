import { currentLanguage } from '../i18n/index.js';
import type { Department } from './types.js';

export function departmentName(department: Pick<Department, 'nameZh' | 'nameEn'>): string {
  return currentLanguage() === 'en' ? department.nameEn : department.nameZh;
}

/** Departments as a tree (city → county → township) for antd's Table. */
export interface DepartmentNode extends Department {
  children?: DepartmentNode[];
}

export function departmentTree(departments: Department[]): DepartmentNode[] {
  const nodes = new Map<string, DepartmentNode>(departments.map((department) => [department.code, { ...department }]));
  const roots: DepartmentNode[] = [];
  for (const node of nodes.values()) {
    const parent = node.parentCode ? nodes.get(node.parentCode) : undefined;
    if (parent) (parent.children ??= []).push(node);
    else roots.push(node);
  }
  return roots;
}
