#include "fcitxinputcontext.h"

#include <QtCore/QCoreApplication>
#include <QtCore/QFileInfo>
#include <QtCore/QList>
#include <QtCore/QLoggingCategory>
#include <QtCore/QRegularExpression>
#include <QtDBus/QDBusArgument>
#include <QtDBus/QDBusConnectionInterface>
#include <QtDBus/QDBusMetaType>
#include <QtDBus/QDBusObjectPath>
#include <QtDBus/QDBusServiceWatcher>
#include <QtGui/QGuiApplication>
#include <QtGui/QInputMethod>
#include <QtGui/QInputMethodEvent>
#include <QtGui/QKeyEvent>
#include <QtGui/QTextCharFormat>
#include <QtGui/QWindow>

#include <unistd.h>

// QT_LOGGING_RULES="cluster.fcitx.debug=true" shows what the plugin does.
Q_LOGGING_CATEGORY(lcFcitx, "cluster.fcitx", QtWarningMsg)

namespace {

// fcitx 5: org.fcitx.Fcitx5 /org/freedesktop/portal/inputmethod org.fcitx.Fcitx.InputMethod1
const char kFcitx5Service[] = "org.fcitx.Fcitx5";
const char kFcitx5Path[] = "/org/freedesktop/portal/inputmethod";
const char kFcitx5Im[] = "org.fcitx.Fcitx.InputMethod1";
const char kFcitx5Ic[] = "org.fcitx.Fcitx.InputContext1";
// fcitx 4: org.fcitx.Fcitx-<display number> /inputmethod org.fcitx.Fcitx.InputMethod
const char kFcitx4Im[] = "org.fcitx.Fcitx.InputMethod";
const char kFcitx4Ic[] = "org.fcitx.Fcitx.InputContext";

// Capability bits, the same in both versions: the client shows the preedit, with formatting.
const quint64 kCapPreedit = 1u << 1;
const quint64 kCapFormattedPreedit = 1u << 4;
// Key events wait for the input method's answer at most this long; a hung input method must not
// freeze the form (the key then goes to the widget as if there were no input method).
const int kKeyTimeoutMs = 1000;
// A missing input method is looked for again at most this often (a focus change or key press
// triggers the look-up).
const int kRetryMs = 2000;

struct StringPair
{
    QString first;
    QString second;
};

QDBusArgument &operator<<(QDBusArgument &arg, const StringPair &pair)
{
    arg.beginStructure();
    arg << pair.first << pair.second;
    arg.endStructure();
    return arg;
}

const QDBusArgument &operator>>(const QDBusArgument &arg, StringPair &pair)
{
    arg.beginStructure();
    arg >> pair.first >> pair.second;
    arg.endStructure();
    return arg;
}

int x11DisplayNumber()
{
    const QString display = QString::fromLocal8Bit(qgetenv("DISPLAY"));
    const QRegularExpressionMatch m = QRegularExpression(QStringLiteral(":(\\d+)")).match(display);
    return m.hasMatch() ? m.captured(1).toInt() : 0;
}

QString applicationName()
{
    const QString name = QFileInfo(QCoreApplication::applicationFilePath()).fileName();
    return name.isEmpty() ? QStringLiteral("cluster-declare") : name;
}

// X keysym -> Qt key, for the few keys an input method forwards back (unhandled editing keys).
int qtKeyFromKeysym(quint32 keysym, QString *text)
{
    if (keysym >= 0x20 && keysym <= 0x7e) {
        *text = QString(QChar(char16_t(keysym)));
        const QChar upper = text->at(0).toUpper();
        return upper.unicode();
    }
    switch (keysym) {
    case 0xff08: return Qt::Key_Backspace;
    case 0xff09: return Qt::Key_Tab;
    case 0xff0d: *text = QStringLiteral("\r"); return Qt::Key_Return;
    case 0xff8d: *text = QStringLiteral("\r"); return Qt::Key_Enter;
    case 0xff1b: return Qt::Key_Escape;
    case 0xff50: return Qt::Key_Home;
    case 0xff51: return Qt::Key_Left;
    case 0xff52: return Qt::Key_Up;
    case 0xff53: return Qt::Key_Right;
    case 0xff54: return Qt::Key_Down;
    case 0xff57: return Qt::Key_End;
    case 0xffff: return Qt::Key_Delete;
    default: return 0;
    }
}

} // namespace

Q_DECLARE_METATYPE(StringPair)

FcitxInputContext::FcitxInputContext()
    : m_bus(QDBusConnection::sessionBus())
{
    qDBusRegisterMetaType<StringPair>();
    qDBusRegisterMetaType<QList<StringPair>>();
}

FcitxInputContext::~FcitxInputContext()
{
    if (m_protocol != Protocol::None)
        send(icCall(QStringLiteral("DestroyIC")));
}

bool FcitxInputContext::ensureContext()
{
    if (m_protocol != Protocol::None)
        return true;
    if (!m_bus.isConnected())
        return false;
    if (m_lastAttempt.isValid() && m_lastAttempt.elapsed() < kRetryMs)
        return false;
    m_lastAttempt.start();
    const bool ok = createFcitx5Context() || createFcitx4Context();
    qCDebug(lcFcitx) << "input context:" << ok << m_service << m_path;
    return ok;
}

bool FcitxInputContext::createFcitx5Context()
{
    QDBusMessage call = QDBusMessage::createMethodCall(QLatin1String(kFcitx5Service), QLatin1String(kFcitx5Path),
                                                       QLatin1String(kFcitx5Im), QStringLiteral("CreateInputContext"));
    const QList<StringPair> args{{QStringLiteral("program"), applicationName()},
                                 {QStringLiteral("display"), QStringLiteral("x11:") + qEnvironmentVariable("DISPLAY")}};
    call << QVariant::fromValue(args);
    const QDBusMessage reply = m_bus.call(call, QDBus::Block, kKeyTimeoutMs);
    qCDebug(lcFcitx) << "fcitx 5:" << reply.errorName() << reply.errorMessage();
    if (reply.type() != QDBusMessage::ReplyMessage || reply.arguments().isEmpty())
        return false;
    m_path = reply.arguments().at(0).value<QDBusObjectPath>().path();
    if (m_path.isEmpty())
        return false;
    m_protocol = Protocol::Fcitx5;
    m_service = QLatin1String(kFcitx5Service);
    m_interface = QLatin1String(kFcitx5Ic);
    QDBusMessage cap = icCall(QStringLiteral("SetCapability"));
    cap << QVariant::fromValue(quint64(kCapPreedit | kCapFormattedPreedit));
    send(cap);
    return true;
}

bool FcitxInputContext::createFcitx4Context()
{
    const QString service = QStringLiteral("org.fcitx.Fcitx-%1").arg(x11DisplayNumber());
    QDBusMessage call = QDBusMessage::createMethodCall(service, QStringLiteral("/inputmethod"),
                                                       QLatin1String(kFcitx4Im), QStringLiteral("CreateICv3"));
    call << applicationName() << int(getpid());
    const QDBusMessage reply = m_bus.call(call, QDBus::Block, kKeyTimeoutMs);
    if (reply.type() != QDBusMessage::ReplyMessage || reply.arguments().isEmpty())
        return false;
    const int id = reply.arguments().at(0).toInt();
    if (id < 0)
        return false;
    m_protocol = Protocol::Fcitx4;
    m_service = service;
    m_path = QStringLiteral("/inputcontext_%1").arg(id);
    m_interface = QLatin1String(kFcitx4Ic);
    QDBusMessage cap = icCall(QStringLiteral("SetCapacity"));
    cap << quint32(kCapPreedit | kCapFormattedPreedit);
    send(cap);
    return true;
}

void FcitxInputContext::dropContext()
{
    if (m_protocol == Protocol::None)
        return;
    m_bus.disconnect(m_service, m_path, m_interface, QStringLiteral("CommitString"), this,
                     SLOT(onCommitString(QDBusMessage)));
    m_bus.disconnect(m_service, m_path, m_interface, QStringLiteral("UpdateFormattedPreedit"), this,
                     SLOT(onUpdateFormattedPreedit(QDBusMessage)));
    m_bus.disconnect(m_service, m_path, m_interface, QStringLiteral("ForwardKey"), this,
                     SLOT(onForwardKey(QDBusMessage)));
    m_protocol = Protocol::None;
    m_lastAttempt.invalidate();
}

QDBusMessage FcitxInputContext::icCall(const QString &method) const
{
    return QDBusMessage::createMethodCall(m_service, m_path, m_interface, method);
}

void FcitxInputContext::send(const QDBusMessage &message) const
{
    m_bus.call(message, QDBus::NoBlock);
}

void FcitxInputContext::setFocusObject(QObject *object)
{
    const bool hadContext = m_protocol != Protocol::None;
    if (hadContext && m_focus)
        send(icCall(QStringLiteral("FocusOut")));
    m_focus = object;
    qCDebug(lcFcitx) << "focus" << object << "accepted" << inputMethodAccepted();
    if (!object || !inputMethodAccepted())
        return;
    if (!ensureContext())
        return;
    if (!hadContext) {
        // Signals arrive for this context only: connect once it exists; forget it when the input
        // method leaves the bus (it is created anew when the input method comes back).
        m_bus.connect(m_service, m_path, m_interface, QStringLiteral("CommitString"), this,
                      SLOT(onCommitString(QDBusMessage)));
        m_bus.connect(m_service, m_path, m_interface, QStringLiteral("UpdateFormattedPreedit"), this,
                      SLOT(onUpdateFormattedPreedit(QDBusMessage)));
        m_bus.connect(m_service, m_path, m_interface, QStringLiteral("ForwardKey"), this,
                      SLOT(onForwardKey(QDBusMessage)));
        auto *watcher = new QDBusServiceWatcher(m_service, m_bus, QDBusServiceWatcher::WatchForUnregistration, this);
        connect(watcher, &QDBusServiceWatcher::serviceUnregistered, this, &FcitxInputContext::onServiceGone);
        connect(watcher, &QDBusServiceWatcher::serviceUnregistered, watcher, &QObject::deleteLater);
    }
    send(icCall(QStringLiteral("FocusIn")));
    sendCursorRect();
}

void FcitxInputContext::onServiceGone()
{
    dropContext();
    clearPreedit();
}

bool FcitxInputContext::filterEvent(const QEvent *event)
{
    if (event->type() != QEvent::KeyPress && event->type() != QEvent::KeyRelease)
        return false;
    const auto *key = static_cast<const QKeyEvent *>(event);
    const quint32 keysym = key->nativeVirtualKey();
    qCDebug(lcFcitx) << "key" << event->type() << Qt::hex << keysym << "accepted" << inputMethodAccepted();
    if (keysym == 0 || !inputMethodAccepted())
        return false; // not from X (offscreen, synthesised): nothing to translate
    if (m_protocol == Protocol::None) {
        setFocusObject(QGuiApplication::focusObject());
        if (m_protocol == Protocol::None)
            return false;
    }
    const bool release = event->type() == QEvent::KeyRelease;
    QDBusMessage call = icCall(QStringLiteral("ProcessKeyEvent"));
    call << keysym << key->nativeScanCode() << key->nativeModifiers();
    if (m_protocol == Protocol::Fcitx5)
        call << release;
    else
        call << int(release ? 1 : 0);
    call << quint32(key->timestamp());
    const QDBusMessage reply = m_bus.call(call, QDBus::Block, kKeyTimeoutMs);
    if (reply.type() != QDBusMessage::ReplyMessage || reply.arguments().isEmpty())
        return false;
    const QVariant handled = reply.arguments().at(0);
    return m_protocol == Protocol::Fcitx5 ? handled.toBool() : handled.toInt() != 0;
}

void FcitxInputContext::onCommitString(const QDBusMessage &message)
{
    const QString text = message.arguments().value(0).toString();
    QObject *target = QGuiApplication::focusObject();
    m_preedit.clear();
    if (!target)
        return;
    QInputMethodEvent event;
    event.setCommitString(text);
    QCoreApplication::sendEvent(target, &event);
}

void FcitxInputContext::onUpdateFormattedPreedit(const QDBusMessage &message)
{
    const QList<QVariant> args = message.arguments();
    if (args.size() < 2)
        return;
    QString text;
    const QDBusArgument list = args.at(0).value<QDBusArgument>();
    list.beginArray();
    while (!list.atEnd()) {
        QString piece;
        int format = 0;
        list.beginStructure();
        list >> piece >> format;
        list.endStructure();
        text += piece;
    }
    list.endArray();
    // The cursor comes as a UTF-8 byte offset.
    const int cursorBytes = args.at(1).toInt();
    const int cursor = cursorBytes < 0 ? -1 : int(QString::fromUtf8(text.toUtf8().left(cursorBytes)).size());
    m_preedit = text;
    QObject *target = QGuiApplication::focusObject();
    if (!target)
        return;
    QTextCharFormat underline;
    underline.setUnderlineStyle(QTextCharFormat::SingleUnderline);
    QList<QInputMethodEvent::Attribute> attributes;
    attributes << QInputMethodEvent::Attribute(QInputMethodEvent::TextFormat, 0, int(text.size()), underline);
    if (cursor >= 0)
        attributes << QInputMethodEvent::Attribute(QInputMethodEvent::Cursor, cursor, 1);
    QInputMethodEvent event(text, attributes);
    QCoreApplication::sendEvent(target, &event);
    sendCursorRect();
}

void FcitxInputContext::onForwardKey(const QDBusMessage &message)
{
    const QList<QVariant> args = message.arguments();
    QObject *target = QGuiApplication::focusObject();
    if (args.size() < 3 || !target)
        return;
    const quint32 keysym = args.at(0).toUInt();
    const quint32 state = args.at(1).toUInt();
    const bool release = m_protocol == Protocol::Fcitx5 ? args.at(2).toBool() : args.at(2).toInt() != 0;
    QString text;
    const int qtKey = qtKeyFromKeysym(keysym, &text);
    if (!qtKey)
        return;
    Qt::KeyboardModifiers modifiers;
    if (state & 0x1) modifiers |= Qt::ShiftModifier;
    if (state & 0x4) modifiers |= Qt::ControlModifier;
    if (state & 0x8) modifiers |= Qt::AltModifier;
    QKeyEvent event(release ? QEvent::KeyRelease : QEvent::KeyPress, qtKey, modifiers, text);
    QCoreApplication::sendEvent(target, &event);
}

void FcitxInputContext::clearPreedit()
{
    if (m_preedit.isEmpty())
        return;
    m_preedit.clear();
    if (QObject *target = QGuiApplication::focusObject()) {
        QInputMethodEvent event;
        QCoreApplication::sendEvent(target, &event);
    }
}

void FcitxInputContext::reset()
{
    if (m_protocol != Protocol::None)
        send(icCall(QStringLiteral("Reset")));
    clearPreedit();
}

void FcitxInputContext::commit()
{
    // Leaving the field (or the program asking for the text) keeps what the preedit showed.
    if (!m_preedit.isEmpty()) {
        const QString text = m_preedit;
        m_preedit.clear();
        if (QObject *target = QGuiApplication::focusObject()) {
            QInputMethodEvent event;
            event.setCommitString(text);
            QCoreApplication::sendEvent(target, &event);
        }
    }
    if (m_protocol != Protocol::None)
        send(icCall(QStringLiteral("Reset")));
}

void FcitxInputContext::update(Qt::InputMethodQueries queries)
{
    if (queries & Qt::ImCursorRectangle)
        sendCursorRect();
}

void FcitxInputContext::sendCursorRect()
{
    if (m_protocol == Protocol::None)
        return;
    QWindow *window = QGuiApplication::focusWindow();
    if (!window)
        return;
    const QRect local = QGuiApplication::inputMethod()->cursorRectangle().toAlignedRect();
    const QPoint origin = window->mapToGlobal(local.topLeft());
    const qreal ratio = window->devicePixelRatio();
    QDBusMessage call = icCall(QStringLiteral("SetCursorRect"));
    call << int(origin.x() * ratio) << int(origin.y() * ratio) << int(local.width() * ratio)
         << int(local.height() * ratio);
    send(call);
}

QPlatformInputContext *FcitxInputContextPlugin::create(const QString &key, const QStringList &params)
{
    Q_UNUSED(params);
    const QString k = key.toLower();
    if (k == QLatin1String("fcitx") || k == QLatin1String("fcitx5"))
        return new FcitxInputContext;
    return nullptr;
}
