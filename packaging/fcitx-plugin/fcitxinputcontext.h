// A Qt 6 platform input context that talks to fcitx 5 (org.fcitx.Fcitx.InputContext1) or, when no
// fcitx 5 is running, to fcitx 4 (org.fcitx.Fcitx.InputContext) over the D-Bus session bus.
//
// Why our own: an input-context plugin uses Qt's private QPA API and loads only into the Qt it was
// built for. Distribution builds of fcitx5-qt are tied to the distribution's Qt and its newer
// libstdc++, so none loads into the Qt of the PySide6 wheel. This plugin uses nothing of the private
// API but QPlatformInputContext / QPlatformInputContextPlugin (unchanged from Qt 6.8 to 6.12) and is
// linked against the wheel's own libraries (see build.sh). The input method draws its own candidate
// window; the plugin shows the preedit inline and commits what the input method sends.
#pragma once

#include <QtCore/QElapsedTimer>
#include <QtCore/QPointer>
#include <QtDBus/QDBusConnection>
#include <QtDBus/QDBusMessage>
#include <QtGui/qpa/qplatforminputcontext.h>
#include <QtGui/qpa/qplatforminputcontextplugin_p.h>

class FcitxInputContext : public QPlatformInputContext
{
    Q_OBJECT
public:
    FcitxInputContext();
    ~FcitxInputContext() override;

    bool isValid() const override { return true; }
    void setFocusObject(QObject *object) override;
    bool filterEvent(const QEvent *event) override;
    void reset() override;
    void commit() override;
    void update(Qt::InputMethodQueries queries) override;

private Q_SLOTS:
    void onCommitString(const QDBusMessage &message);
    void onUpdateFormattedPreedit(const QDBusMessage &message);
    void onForwardKey(const QDBusMessage &message);
    void onServiceGone();

private:
    enum class Protocol { None, Fcitx5, Fcitx4 };

    bool ensureContext();
    bool createFcitx5Context();
    bool createFcitx4Context();
    void dropContext();
    QDBusMessage icCall(const QString &method) const;
    void send(const QDBusMessage &message) const;
    void sendCursorRect();
    void clearPreedit();

    QDBusConnection m_bus;
    Protocol m_protocol = Protocol::None;
    QString m_service;
    QString m_path;
    QString m_interface;
    QString m_preedit;
    QPointer<QObject> m_focus;
    QElapsedTimer m_lastAttempt;
};

class FcitxInputContextPlugin : public QPlatformInputContextPlugin
{
    Q_OBJECT
    Q_PLUGIN_METADATA(IID QPlatformInputContextFactoryInterface_iid FILE "fcitx.json")
public:
    QPlatformInputContext *create(const QString &key, const QStringList &params) override;
};
