import { useEffect } from 'react';
import { Layout, Menu, Spin, Typography, theme } from 'antd';
import { useTranslation } from 'react-i18next';
import { ForbiddenPage } from '../common/ForbiddenPage.js';
import { navigate, useLocation } from '../navigation.js';
import { findRoute, mayOpen, routes } from '../routes.js';
import { homePath } from '../session/home.js';
import { MustChangePasswordBanner } from '../session/MustChangePasswordBanner.js';
import { useSession } from '../session/SessionContext.js';
import { UserMenu } from '../session/UserMenu.js';
import { LanguageSwitch } from './LanguageSwitch.js';

const { Header, Sider, Content } = Layout;

export function AppShell() {
  const { t } = useTranslation();
  const { token } = theme.useToken();
  const session = useSession();
  const location = useLocation();
  const match = findRoute(location.path);
  const roles = session.user?.roles ?? null;
  const loading = session.status === 'loading';
  const needsLogin = !loading && match !== undefined && !session.user && !mayOpen(match.route.access, null);

  useEffect(() => {
    if (loading) return;
    // Unknown address: the user's home (inbox for staff, status for everyone else).
    if (!match) navigate(homePath(session.user), { replace: true });
    // A protected page without a session: log in first, then come back here.
    else if (needsLogin) navigate(`/login?next=${encodeURIComponent(location.href)}`, { replace: true });
  }, [loading, match, needsLogin, session.user, location.href]);

  const menuItems = routes
    .filter((route) => route.navKey && mayOpen(route.menuAccess ?? route.access, roles))
    .map((route) => ({
      key: route.path,
      icon: route.icon,
      label: route.Badge ? (
        <span>
          {t(`nav.${route.navKey!}`)}
          <route.Badge />
        </span>
      ) : (
        t(`nav.${route.navKey!}`)
      ),
    }));

  let content;
  if (loading || !match || needsLogin) content = <Spin size="large" style={{ display: 'block', marginTop: 64 }} />;
  else if (!mayOpen(match.route.access, roles)) content = <ForbiddenPage />;
  else {
    const { Page } = match.route;
    // Keyed by path so a page's state never leaks into the next case or task.
    content = <Page key={location.path} params={match.params} query={location.query} />;
  }

  return (
    <Layout style={{ minHeight: '100vh' }}>
      <Header
        style={{
          display: 'flex',
          alignItems: 'center',
          justifyContent: 'space-between',
          gap: token.marginLG,
          paddingInline: token.paddingLG,
        }}
      >
        <Typography.Title level={4} style={{ color: token.colorWhite, margin: 0, whiteSpace: 'nowrap' }}>
          {t('app.title')}
        </Typography.Title>
        <div style={{ display: 'flex', alignItems: 'center', gap: token.marginLG }}>
          <UserMenu />
          <LanguageSwitch />
        </div>
      </Header>
      <Layout>
        {/* A side menu, not a header one, because the planned pages would not fit across the top. */}
        <Sider width={200} breakpoint="md" collapsedWidth={0} style={{ background: token.colorBgContainer }}>
          <nav aria-label={t('nav.label')} style={{ height: '100%' }}>
            <Menu
              mode="inline"
              selectedKeys={match?.route.navKey ? [match.route.path] : match?.route.menuParent ? [match.route.menuParent] : []}
              style={{ height: '100%', borderInlineEnd: 0 }}
              items={menuItems}
              onClick={({ key }) => navigate(key)}
            />
          </nav>
        </Sider>
        <Content style={{ padding: token.paddingLG, minWidth: 0 }}>
          <MustChangePasswordBanner />
          {content}
        </Content>
      </Layout>
    </Layout>
  );
}
